"""The bar's own proxies: the longer-post reading of the moderation texts."""

from __future__ import annotations

from dignity.training.bar import inside_longer_posts


def test_each_text_is_set_among_three_fillers_the_same_way_every_run() -> None:
    texts = ["you idiot", "have a nice day", "vermin, all of them"]
    filler = [f"civil tweet number {k}." for k in range(10)]
    posts = inside_longer_posts(texts, filler)
    assert posts == inside_longer_posts(texts, filler)
    for text, post in zip(texts, posts, strict=True):
        assert post.startswith(text) or post.endswith(text)
        assert sum(f in post for f in filler) == 3
    many = [f"text {k}" for k in range(30)]
    posts = inside_longer_posts(many, filler)
    placements = {p.startswith(t) for t, p in zip(many, posts, strict=True)}
    assert placements == {True, False}  # after the padding and before it
