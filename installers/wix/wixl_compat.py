"""Builds eoffice.wxs with wixl (Debian msitools 0.101) so the MSI has what WiX v3 writes.

wixl reads a subset of WiX v3. For what eoffice.wxs uses, it
- rejects ``Component/Condition`` (the element WiX v3 has for a component condition),
- ignores ``Property/@Secure`` (SecureCustomProperties),
- writes ``Root="HKMU"`` as 4 in the Registry table (the MSI value is -1),
- ignores ``RegistrySearch/@Win64`` (the 64-bit registry view, RegLocator type bit 16),
- ignores ``MajorUpgrade/@Schedule`` (eoffice.wxs sequences RemoveExistingProducts itself
  for wixl, at WiX's afterInstallValidate).

So the source stays plain WiX v3 (WiX on Windows builds it as it is): :func:`prepare`
takes what wixl cannot read out of a copy, and :func:`fix_queries` gives the SQL that
``msibuild`` runs on wixl's MSI to put it back, read from the same source.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

WIX = "http://schemas.microsoft.com/wix/2006/wi"
_NS = {"w": WIX}
MSI_HKMU = -1
WIXL_HKMU = 4
LOCATOR_TYPES = {"directory": 0, "file": 1, "raw": 2}
LOCATOR_64BIT = 16


@dataclass
class Fixes:
    """What wixl leaves out of the MSI, as read from the WiX source."""

    component_conditions: dict[str, str] = field(default_factory=dict)
    secure_properties: list[str] = field(default_factory=list)
    win64_searches: dict[str, int] = field(default_factory=dict)  # signature -> type


def _parse(text: str) -> ET.Element:
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True, insert_pis=True))
    parser.feed(text)
    return parser.close()


def prepare(text: str) -> tuple[str, Fixes]:
    """The source as wixl can read it, and what must be put back into its MSI."""
    ET.register_namespace("", WIX)
    root = _parse(text)
    fixes = Fixes()
    for component in root.iter(f"{{{WIX}}}Component"):
        for condition in component.findall("w:Condition", _NS):
            fixes.component_conditions[component.attrib["Id"]] = (condition.text or "").strip()
            component.remove(condition)
    for prop in root.iter(f"{{{WIX}}}Property"):
        if prop.attrib.pop("Secure", "no") == "yes":
            fixes.secure_properties.append(prop.attrib["Id"])
    for upgrade in root.iter(f"{{{WIX}}}MajorUpgrade"):
        upgrade.attrib.pop("Schedule", None)
    for search in root.iter(f"{{{WIX}}}RegistrySearch"):
        if search.attrib.pop("Win64", "no") == "yes":
            kind = LOCATOR_TYPES[search.attrib.get("Type", "raw")]
            fixes.win64_searches[search.attrib["Id"]] = kind | LOCATOR_64BIT
    return ET.tostring(root, encoding="unicode", xml_declaration=True), fixes


def _quoted(value: str) -> str:
    if "'" in value:
        raise ValueError(f"a quote in {value!r} cannot go into msibuild's SQL")
    return f"'{value}'"


def fix_queries(fixes: Fixes, existing_secure: str) -> list[str]:
    """msibuild ``-q`` statements; ``existing_secure`` is wixl's SecureCustomProperties."""
    queries = [f"UPDATE Registry SET Root = {MSI_HKMU} WHERE Root = {WIXL_HKMU}"]
    queries += [f"UPDATE Component SET Condition = {_quoted(condition)} "
                f"WHERE Component = {_quoted(component)}"
                for component, condition in sorted(fixes.component_conditions.items())]
    queries += [f"UPDATE RegLocator SET Type = {kind} WHERE Signature_ = {_quoted(signature)}"
                for signature, kind in sorted(fixes.win64_searches.items())]
    secure = [name for name in existing_secure.split(";") if name]
    added = [name for name in fixes.secure_properties if name not in secure]
    value = _quoted(";".join(secure + added))
    if added and secure:
        queries.append(f"UPDATE Property SET Value = {value} "
                       "WHERE Property = 'SecureCustomProperties'")
    elif added:
        queries.append("INSERT INTO Property (Property, Value) "
                       f"VALUES ('SecureCustomProperties', {value})")
    return queries
