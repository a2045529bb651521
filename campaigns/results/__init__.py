"""Theo dõi kết quả: results tracking of a campaign, in one package.

What the standing office sets (criteria, report periods, the registration deadline,
emulation blocs), what units do (register with targets, report results per period,
score themselves in their bloc) and what the office reads back (participation,
attainment per criterion, bloc rankings, the campaign's results page and its xlsx).

    models.py     the tables, re-exported from campaigns.models and units.models
                  (no table moved; import them from here)
    services.py   every write: keyword-only, atomic, checks the actor and the state,
                  and leaves a history row (django-simple-history) naming who and why
    selectors.py  every read: addressed units, a unit's campaigns, participation,
                  attainment, bloc ranking, campaign_results (the page's figures)
    reminders.py  deadline reminders through the mail outbox
    exports.py    the results workbook (xlsx), text cells escaped
    forms.py      every value a user sends, parsed with a Vietnamese message per field
    views.py      thin views; urls.py mounts them all under /quan-ly/theo-doi/

awards builds on this package (awards/dashboard.py reads `campaign_results` and
adds nominations); nothing here imports awards.
"""
