"""The security core: audit trail, encryption at rest, profile permissions, redaction.

Nothing is imported here (each module pulls in what it needs: keyring, cryptography,
sqlcipher3), so ``import eoffice_client.core.security.audit`` costs only the audit trail.

- :mod:`.audit`: ``AuditTrail(AuditLocation.for_profile(profile)).append(AuditKind.X,
  document_id=..., outbox_id=..., detail={...}) -> AuditEntry``; ``read_entries``,
  ``forget_trail``. :mod:`.audit_check`: ``verify_trail(location) -> AuditCheck``
  (``.ok``, ``.entries``, ``.first_bad``, ``.reason``; ``.raise_if_broken()`` raises
  ``AuditBroken``, exit 9).
- :mod:`.keys`: ``create_cache_key`` / ``load_cache_key`` / ``require_cache_key``
  (``CacheKeyLost``, exit 11) / ``delete_cache_key``; ``CacheKey.database_key()``,
  ``CacheKey.files_key()``.
- :mod:`.sealed`: ``SealedWriter``, ``SealedReader``, ``seal_in_place``, ``unseal_to``,
  ``is_sealed`` (AES-256-GCM chunked files; ``SealedFileDamaged``).
- :mod:`eoffice_client.core.store.cipher`: ``open_encrypted_store``,
  ``encrypt_plain_cache``, ``cache_state``.
- :mod:`.fresh_cache`: ``set_aside_cache(profile, key=..., reason=...) -> SetAside``.
- :mod:`.permissions`: ``restrict_profile(root)``, ``check_profile(root) -> PermissionCheck``.
- :mod:`.redaction`: ``redact(text, secrets=..., contents=...)``, ``RedactingFilter``,
  ``install(handler)``, ``KNOWN_SECRETS``.
- :mod:`.filenames`: ``safe_file_name(name)``.
"""
