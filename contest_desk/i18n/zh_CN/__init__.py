"""Chinese (zh_CN) messages, one module per area."""
