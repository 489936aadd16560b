"""The points where apps above accounts add to its pages, through Wagtail's hook registry (accounts
never imports them; layers run one way)."""

# Sections other apps add to the applicant's profile page (the LINE app: "เชื่อมต่อ LINE"); each
# hook is called as fn(request) and returns an HTML fragment (a section with its own heading) or "".
PROFILE_SECTIONS = "register_profile_sections"

# What other apps keep about an account, for the applicant's copy of their data (privacy): each
# hook is called with no arguments and returns {file name: (description, data_of)}, data_of(user)
# giving that file's JSON data, or None when the app keeps nothing about the user (no file then).
ACCOUNT_DATA = "register_account_data"
# Called as fn(user) inside the account's closure (privacy), before the account is erased: each app
# deletes what it keeps about the account.
ACCOUNT_CLOSING = "on_account_closing"
