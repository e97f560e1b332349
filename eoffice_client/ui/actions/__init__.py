"""The workflow actions in the window: which are offered (``offered``), and the dialogs
that ask for their params (``ask``, ``params_dialog``, ``assign_dialog``)."""
