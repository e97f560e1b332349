"""The Group Policy template and the settings the app reads agree, both ways."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from eoffice_client.config_sources import POLICY_KEY, POLICY_SETTINGS, PolicySetting

ADMX_DIR = Path(__file__).resolve().parents[2] / "installers" / "admx"
NS = {"p": "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"}
LANGUAGES = ("vi-VN", "en-US")
ELEMENT_KINDS = {"text": "text", "decimal": "decimal", "enum": "enum", "boolean": "boolean"}


def admx_policies() -> dict[str, tuple[str, str, ET.Element]]:
    """value name -> (registry key, kind, the element or policy that writes it)."""
    root = ET.parse(ADMX_DIR / "eoffice.admx").getroot()
    found: dict[str, tuple[str, str, ET.Element]] = {}
    for policy in root.iterfind("p:policies/p:policy", NS):
        key = policy.attrib["key"]
        if "valueName" in policy.attrib:  # an on/off policy writes 1 or 0 itself
            assert policy.find("p:enabledValue/p:decimal", NS).attrib["value"] == "1"
            assert policy.find("p:disabledValue/p:decimal", NS).attrib["value"] == "0"
            found[policy.attrib["valueName"]] = (key, "boolean", policy)
        for element in policy.iterfind("p:elements/*", NS):
            kind = ELEMENT_KINDS[element.tag.split("}")[1]]
            found[element.attrib["valueName"]] = (key, kind, element)
        assert policy.attrib["class"] == "Both"  # HKLM and HKCU, as the app reads both
    return found


def test_every_setting_is_in_the_admx_and_back() -> None:
    policies = admx_policies()
    assert set(policies) == {setting.value_name for setting in POLICY_SETTINGS}
    for setting in POLICY_SETTINGS:
        key, kind, element = policies[setting.value_name]
        assert key == POLICY_KEY, setting.value_name
        assert kind == setting.kind, setting.value_name
        _same_limits(setting, element)


def _same_limits(setting: PolicySetting, element: ET.Element) -> None:
    if setting.kind == "decimal":
        assert int(element.attrib["minValue"]) == setting.minimum, setting.value_name
        assert int(element.attrib["maxValue"]) == setting.maximum, setting.value_name
    if setting.kind == "enum":
        values = tuple(item.findtext("p:value/p:string", namespaces=NS)
                       for item in element.iterfind("p:item", NS))
        assert values == setting.choices, setting.value_name


# Written by hand from the brief: what IT must be able to set, and the registry type.
REQUIRED = {"Server": "REG_SZ", "AutoSyncMinutes": "REG_DWORD", "Language": "REG_SZ",
            "Prefetch": "REG_SZ", "ExtraCABundle": "REG_SZ", "Proxy": "REG_SZ",
            "TimestampServer": "REG_SZ", "Pkcs11Library": "REG_SZ",
            "IdleLockMinutes": "REG_DWORD", "AllowHttp": "REG_DWORD",
            "UpdateManifestUrl": "REG_SZ"}
REGISTRY_TYPE = {"text": "REG_SZ", "enum": "REG_SZ", "decimal": "REG_DWORD",
                 "boolean": "REG_DWORD"}


def test_the_briefs_policies_are_there_with_their_types() -> None:
    policies = admx_policies()
    for name, registry_type in REQUIRED.items():
        assert REGISTRY_TYPE[policies[name][1]] == registry_type, name


def _references(pattern: str) -> set[str]:
    text = (ADMX_DIR / "eoffice.admx").read_text(encoding="utf-8")
    return set(re.findall(pattern, text))


@pytest.mark.parametrize("language", LANGUAGES)
def test_adml_has_every_string_and_presentation(language: str) -> None:
    root = ET.parse(ADMX_DIR / language / "eoffice.adml").getroot()
    strings = {s.attrib["id"]: (s.text or "") for s in root.iterfind(".//p:string", NS)}
    presentations = {p.attrib["id"]: p for p in root.iterfind(".//p:presentation", NS)}
    assert _references(r"\$\(string\.(\w+)\)") <= set(strings)
    assert _references(r"\$\(presentation\.(\w+)\)") <= set(presentations)
    assert all(text.strip() for text in strings.values())
    element_ids = {element.attrib["id"] for _key, _kind, element in admx_policies().values()
                   if "id" in element.attrib}
    ref_ids = {control.attrib["refId"] for presentation in presentations.values()
               for control in presentation}
    assert ref_ids == element_ids


def test_vietnamese_strings_have_diacritics() -> None:
    root = ET.parse(ADMX_DIR / "vi-VN" / "eoffice.adml").getroot()
    text = {s.attrib["id"]: s.text or "" for s in root.iterfind(".//p:string", NS)}
    assert text["Server"] == "Địa chỉ máy chủ eOffice"
    assert "đồng bộ" in text["AutoSyncMinutes"].lower()
