"""Performance packs for the corporate parenting panel and scrutiny committees."""
