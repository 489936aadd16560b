"""Moderated publishing of the services (issue 14): Wagtail's own workflow, one approval task by
the director's office, on the services index. A new service page or a change submitted for
moderation under it goes live only when that group approves; Wagtail's default workflow
("Moderators approval", on the root) keeps the rest of the site.

Wagtail's rules: whoever may publish a page (the editors group) can still publish it directly;
the workflow is what a "Submit for approval" goes through. An approver needs the admin (every
officer group has it), to reach the pages (the task opens the editor to its groups while a page
waits for them; change on the services index lets them find the services any time) and the publish
permission there: approving the last task publishes the page as the approver, which Wagtail
refuses to anyone who may not publish it.
"""

from django.contrib.auth.models import Group

from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowTask

from .groups import permission

WORKFLOW_NAME = "อนุมัติบริการโดยสำนักงานผู้อำนวยการ"
TASK_NAME = "สำนักงานผู้อำนวยการอนุมัติ"
APPROVER_PAGE_PERMISSIONS = ("change_page", "publish_page")


def ensure_approval_task(approvers: Group) -> GroupApprovalTask:
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        task.groups.add(approvers)
    return task


def ensure_service_approval(services_index: Page, *, approvers: Group) -> Workflow:
    """The services index's workflow, created with its task and the approvers' page rights; an
    existing workflow of the name, or another one an administrator put on the index, is kept."""
    for codename in APPROVER_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=approvers, page=services_index, permission=permission("wagtailcore", codename)
        )
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=ensure_approval_task(approvers), sort_order=0)
    WorkflowPage.objects.get_or_create(page=services_index, defaults={"workflow": workflow})
    return workflow
