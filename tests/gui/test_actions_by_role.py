"""Actions follow the role (issue 10 item 3): what the user's roles may never do is not
offered anywhere — menus, toolbar, context menu, the pane's buttons."""

from __future__ import annotations

from typing import Any

import pytest

from eoffice_client.core.domain import workflow
from eoffice_client.ui.actions.offered import OFFERED

#: what each sample user's roles allow on some document, by contract section 6
EXPECTED = {
    "vanthu": {"mark_read", "comment", "register", "reject", "submit", "forward", "start",
               "complete", "return", "recall", "discard"},
    "chuyenvien": {"mark_read", "comment", "submit", "forward", "start", "complete",
                   "return", "discard"},
    "lanhdao": {"mark_read", "comment", "submit", "forward", "assign", "extend", "start",
                "complete", "return", "approve", "recall", "discard"},
}


@pytest.mark.parametrize("user", ["vanthu", "chuyenvien", "lanhdao"])
def test_each_role_is_offered_only_its_actions(user: str, filled_profile: Any,
                                               open_window: Any, qtbot: Any) -> None:
    controller = open_window(filled_profile(60, user=user, name=user))
    window = controller.window
    me = controller.client.session.me().as_json()
    assert set(workflow.role_actions(me)) & set(OFFERED) == EXPECTED[user]
    commands = window.commands
    shown = {name for name, action in commands.document_actions.items() if action.isVisible()}
    assert shown == EXPECTED[user]
    menu_shown = {a.text() for a in commands.document_menu.actions() if a.isVisible()
                  and a in commands.document_actions.values()}  # beside "Open draft"
    assert menu_shown == {commands.document_actions[n].text() for n in EXPECTED[user]}
    clerk = user == "vanthu"
    assert commands.register_paper.isVisible() is clerk
    button = window.toolbar.widgetForAction(commands.register_paper)
    assert button is not None and button.isVisible() is clerk
    assert (commands.register_paper in [a for a in commands.file_menu.actions()
                                        if a.isVisible()]) is clerk
    # the rules decide before the form: a non-clerk never gets the dialog
    if not clerk:
        window.actions_controller.register_paper()
        assert not [w for w in window.findChildren(object)
                    if type(w).__name__ == "RegisterPaperDialog"]
    # the context menu of a row holds only what that row allows, the pane's buttons too
    for row in range(6):
        window.documents.table.selectRow(row)
        doc = controller.client.reads.document_json(window.documents.model.ids[row])
        allowed = set(workflow.allowed_actions(doc, me)) & set(OFFERED)
        assert allowed <= EXPECTED[user]
        menu = commands.context_menu(window, unsent_changes=False)
        in_menu = {a.text() for a in menu.actions() if a.text()}
        offered_in_menu = in_menu & {a.text() for a in commands.document_actions.values()}
        assert offered_in_menu == {commands.document_actions[n].text() for n in allowed}
        buttons = {n for n, b in window.pane.action_buttons.items() if not b.isHidden()}
        assert buttons == allowed
        menu.deleteLater()



def test_signed_out_is_offered_nothing() -> None:
    from eoffice_client.core.app.records import Person
    from eoffice_client.ui.actions.offered import may_register_paper, role_offered

    assert role_offered(None) == set() and not may_register_paper(None)
    assert may_register_paper(Person("u1", roles=("clerk",)))
