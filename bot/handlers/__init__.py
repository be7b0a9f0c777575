"""Telegram handlers: parse the update, call a service or the engine, hand the reply on."""
