"""In-site notifications (with an e-mail copy) for every event that needs someone's attention."""
