"""Extract stage: raw bytes and a content type in, a `Document` (models.py: blocks of clean text) out.

`normalize.py` decodes (declared charset, then detection), parses HTML with lxml (or reads PDF,
Markdown, plain text), drops chrome, hidden elements and consent banners, and folds white space
and typography so that markup-only changes produce the same text.
"""
