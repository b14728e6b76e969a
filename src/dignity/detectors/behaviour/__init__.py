"""Detectors of behaviour over a conversation: contact, pile-ons, trolling, amplification."""
