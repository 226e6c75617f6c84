"""The bank of programme templates (/programmes): completed programmes published without personal data."""
