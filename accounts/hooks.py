"""The points where apps above accounts add to its pages, through Wagtail's hook registry (accounts
never imports them; layers run one way)."""

# Sections other apps add to the applicant's profile page (the LINE app: "เชื่อมต่อ LINE"); each
# hook is called as fn(request) and returns an HTML fragment (a section with its own heading) or "".
PROFILE_SECTIONS = "register_profile_sections"
