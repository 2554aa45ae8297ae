"""`quizgen review`: a teacher curates a question bank in a local web page.

session.py holds the bank and saves every change at once; edits.py checks a change;
present.py shapes the bank for the page (items, filters, counts, labels); preview.py
renders an item as the exporters do; server.py serves the page and its API; assets/
holds the page itself (plain HTML, CSS and JavaScript, no network).
"""
