"""Everything between a built reply and Telegram, one job a module:

* ``messages``: THE one place that builds every outgoing text (escaping, the caveat on
  every part, Telegram's length limit);
* ``send``: sends built texts to a chat (or edits an inline message in place);
* ``retry``: one Bot API call, retried only when Telegram surely did not act on it.

The ``Html`` type they build on is ``bot.markup`` (the engine uses it too).
"""
