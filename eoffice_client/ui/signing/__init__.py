"""Signing in the window: the leader's batch sign-off, the clerk's number-and-issue, and
each row's signature badge (issue 12, item 6).

The window hooks it in with ONE call, once its list and runner exist::

    from eoffice_client.ui.signing import install_signing

    hooks = install_signing(window, lambda: backend.app, list.selected_ids, runner)
    menu.addAction(hooks.sign_action)          # "Ký số…"
    menu.addAction(hooks.issue_action)         # "Cấp số và phát hành…"
    toolbar.addAction(hooks.sign_action)
    list.selection_changed.connect(lambda ids: hooks.update_enabled(ids))
    hooks.changed.connect(refresh_list_and_counts)   # a batch queued sign/number/issue
    sync_controller.finished.connect(hooks.after_sync)   # numbers came back, new files
    # the badge: the model asks for the rows it shows, and paints what arrives
    hooks.badges.request(visible_ids)
    hooks.badges.updated.connect(lambda ids: model.repaint_rows(ids))
    ...  in the model's data(): hooks.badges.data(doc_id, role)  (Decoration/ToolTip)

- ``app_getter`` returns the :class:`~eoffice_client.core.app.application.App` of the
  signed-in profile (None while there is none: the actions do nothing).
- ``selected_ids`` returns the ids of the selected rows (the "Chờ ký" box for a
  leader; signed or numbered documents for a clerk).
- ``hooks.update_enabled(ids)`` enables "Ký số…" when ``app.reads.allowed_actions``
  allows ``sign`` on every selected document, "Cấp số và phát hành…" when it allows
  ``number`` or ``issue``; call it on every selection change and after a sync.
- Everything slow (previews, opening the key, signing, verifying for the badges) runs
  on ``runner`` (:class:`~eoffice_client.ui.tasks.TaskRunner`); the PIN is asked once per
  batch and dropped when the batch ends.

The parts: :mod:`.key_dialog` (PKCS#12 file or PKCS#11 token, PIN once),
:mod:`.batch` (``SignBatch``), :mod:`.issue` (``IssueFlow``), :mod:`.badge`
(``SignatureBadges``), :mod:`.preview` (the page and the draggable box).
"""

from eoffice_client.ui.signing.install import SigningHooks, install_signing

__all__ = ["SigningHooks", "install_signing"]
