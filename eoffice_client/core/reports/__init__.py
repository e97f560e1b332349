"""Decree-30 registers, the processing report and the dashboard's figures (no Qt).

The modules, by what they do: ``exports`` (:func:`~.exports.export_register`,
:func:`~.exports.export_report`: read the cache, write .xlsx or .docx; exit 9 on a bad
register, unit, period or output path), ``registers`` and ``processing`` (the figures from
any source), ``dashboard`` (the window's cards and charts), ``model`` (the typed inputs),
``source`` (reading them from the cache), ``xlsx`` and ``docx_out`` (the writers).
Each is imported where it is used, so reading the dashboard does not load openpyxl and
python-docx.
"""
