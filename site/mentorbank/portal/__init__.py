"""The portal's own pages: who runs the bank (the operator, from config), the privacy policy generated from the
operator and the kept consent texts, and the about, help and contacts pages that admins write in Markdown."""
