"""SYNTHETIC forum conversations with planted behaviours, for the behaviour detectors.

Everything here is made up by code: the accounts, threads and posts are invented, and every
message carries ``platform="synthetic-conversations"``. A conversation is built week by week. Each
week has its own members (names end in the week number, so accounts never carry over and a long
stream keeps meeting new ones), civil background threads on branch business, and planted
episodes, each recorded as ground truth:

=====================  ============================================  ===========================
behaviour (unit)       planted (should be flagged)                   look-alikes (should not)
=====================  ============================================  ===========================
unwelcome_contact      actor keeps @-ing a target who never answers;  friends who @ each other a
(ordered pair)         actor carries on after "please stop tagging   lot; a joking "stop tagging
                       me"                                           me lol"; asked once, stopped
pile_on (target)       5-7 accounts send one member abuse within an  a popular member with many
                       hour                                          friendly replies; a lively
                                                                     civil thread; two separate
                                                                     rude replies in a week
trolling (account)     flooding (14-20 posts in 4 minutes); the same  a meeting reminder posted
                       advert 3-5 times in a day; off-topic faction  twice a week; a chatty member
                       jibes dropped into three threads              (6 posts in 10 minutes); one
                                                                     off-topic swear
persistent_abuser      4-6 breaches over 2-4 days                    one outburst
(account)
amplifier (account)    shares, RTs or "spot on"s a listed abuser's   shares a one-off offender's
                       post after they are listed                    or a member's post; replies
                                                                     to an abuser to challenge it
anonymous_abuse        an anonymous account posts abuse              an anonymous account posting
(account)                                                            civilly
echo_attack (message)  "same to you" in answer to an attack on the   "you're right" to an attack;
                       replier                                       "same to you" to "have a
                                                                     good weekend"
=====================  ============================================  ===========================

``generate(weeks=..., seed=...)`` returns the messages in time order with the planted truth;
``stream(n, seed=...)`` yields ``n`` messages lazily, a week at a time, in memory bounded by one
week (for the million-message benchmark); ``write_jsonl`` writes dignity's JSONL message format.
The same seed always gives the same conversation.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from dignity.model import Message

if TYPE_CHECKING:
    from dignity.engine import Dignity

__all__ = [
    "BEHAVIOURS",
    "PLATFORM",
    "UNITS",
    "BehaviourScore",
    "Conversation",
    "Planted",
    "evaluate",
    "flagged_units",
    "generate",
    "message_record",
    "stream",
    "write_jsonl",
]

PLATFORM = "synthetic-conversations"
BEHAVIOURS = (
    "unwelcome_contact",
    "pile_on",
    "trolling",
    "persistent_abuser",
    "amplifier",
    "anonymous_abuse",
    "echo_attack",
)
START = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)  # a Monday


@dataclass(frozen=True, slots=True, kw_only=True)
class Planted:
    """One planted instance (``planted=True``) or look-alike (``False``) of a behaviour.

    The unit depends on the behaviour: an ordered pair ``actors[0] -> targets[0]`` for
    unwelcome_contact, the target for pile_on, the account for trolling, persistent_abuser,
    amplifier and anonymous_abuse, and the message (``message_ids[0]``) for echo_attack.
    """

    behaviour: str
    planted: bool
    kind: str
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    message_ids: tuple[str, ...] = ()

    @property
    def unit(self) -> str | tuple[str, str]:
        if self.behaviour == "unwelcome_contact":
            return (self.actors[0], self.targets[0])
        if self.behaviour == "pile_on":
            return self.targets[0]
        if self.behaviour == "echo_attack":
            return self.message_ids[0]
        return self.actors[0]


@dataclass(frozen=True, slots=True)
class Conversation:
    """Messages in time order, and the planted truth about them."""

    messages: list[Message]
    truth: list[Planted] = field(default_factory=list)


_FIRST = [
    "alex",
    "ben",
    "cara",
    "dan",
    "ella",
    "finn",
    "gita",
    "hari",
    "isla",
    "jon",
    "kemi",
    "leo",
    "maya",
    "nia",
    "omar",
    "pat",
    "rhys",
    "sana",
    "tom",
    "uma",
    "vic",
    "will",
    "yas",
    "zoe",
    "amir",
    "beth",
    "cal",
    "dee",
    "eli",
    "fay",
    "gus",
    "hana",
    "ivo",
    "jas",
    "kai",
    "lin",
    "max",
    "noor",
    "owen",
]
_LAST = [
    "shah",
    "byrne",
    "okafor",
    "price",
    "evans",
    "khan",
    "lloyd",
    "moss",
    "reid",
    "hughes",
    "patel",
    "doyle",
    "grant",
    "walsh",
    "ahmed",
    "baker",
    "clarke",
    "fox",
    "hale",
    "iqbal",
    "jones",
    "kerr",
    "lowe",
    "mann",
]
_TOPICS = (
    ("the bus franchising motion", "buses", "fares"),
    ("the Eastfield housing plan", "social rent", "refurbishment"),
    ("the council budget", "library hours", "the reserves"),
    ("the school streets scheme", "traffic", "parents"),
    ("the NHS waiting lists campaign", "GP appointments", "the petition"),
    ("the rail nationalisation motion", "the 07:42", "station staffing"),
    ("the minimum wage debate", "the living wage", "hospitality workers"),
    ("the leafleting rota", "Church Street", "the new estate"),
)
_ROOTS = (
    "Opening a thread on {t}. What should the branch say about {a}?",
    "Can we talk about {t}? I think we have got {a} badly wrong so far.",
    "Papers for {t} are up on the members' page. Views on {b} especially welcome.",
    "Quick poll before Thursday: who supports {t} as drafted? My worry is {b}.",
)
_CIVIL = (
    "I agree on {a}, but {b} needs a costed plan before we put our name to it.",
    "Strongly disagree. {a} is the wrong priority when {b} is getting worse every month.",
    "Has anyone read the appendix on {b}? The numbers on {a} look optimistic to me.",
    "Good point about {a}. I'd add that {b} came up on the doorstep again last week.",
    "I think the motion on {t} is too timid, frankly. We should be bolder on {b}.",
    "Respectfully, the evidence on {a} points the other way. Happy to share the report.",
    "We tried something similar on {b} in 2019 and it fell apart. Worth learning from that.",
    "Whatever we decide on {t}, the members affected by {a} should be asked first.",
    "I'll be honest, I was against this, but the argument about {b} has changed my mind.",
    "That's a fair challenge. On {a} I'd say the council has no money left, not no will.",
    "Can we get a speaker from the tenants' union on {b}? They know {a} better than us.",
    "This is a terrible policy and I'll vote against it, but thanks for setting it out.",
)
_FRIENDLY = (
    "Thanks {n}, really clear explanation of {a}.",
    "Brilliant work on {t}, {n}. Count me in for Saturday.",
    "Well done {n}! Great turnout on {b}.",
    "Agree with every word, {n}. Happy to help with {a}.",
    "Congratulations {n}, thoroughly deserved.",
)
_ABUSE = (
    "{n}, you're a pathetic idiot and everyone here knows it.",
    "Nobody cares what you think {n}, you spineless coward.",
    "{n} you are a lying disgrace and a total moron.",
    "Shut up {n}, you stupid clown.",
    "{n} is a useless, brainless idiot who should resign.",
    "{n}, you're a thick, ignorant troll and a liar.",
    "You absolute moron {n}, nobody wants you here.",
    "{n}, you're a disgusting hypocrite and a liar.",
)
_PESTER = (
    "@{n} still waiting for your answer on {a}.",
    "@{n} why won't you answer the question about {b}?",
    "@{n} are you going to respond or not? {a} matters.",
    "@{n} I notice you've gone quiet on {t} again.",
    "@{n} just bumping this so you can't pretend you didn't see it.",
    "@{n} you can't ignore me forever. What about {b}?",
    "@{n} one more time: where do you stand on {a}?",
    "@{n} silence says it all really.",
)
_STOP = (
    "{n}, please stop tagging me. I've said what I think about {a}.",
    "Please leave me alone, {n}. I'm not discussing this with you.",
    "{n}, stop replying to me. I'm not interested.",
    "I've asked you to stop, {n}. Don't tag me again.",
    "Stop mentioning me, {n}. I've blocked you.",
)
_BANTER = (
    "@{n} pint after the meeting? You're buying this time.",
    "@{n} did you see the state of the minutes 😂",
    "@{n} bring the leaflets Saturday, I've lost my copy again.",
    "@{n} you're on cake duty for the social, don't forget.",
    "@{n} haha yes, see you at the count.",
    "@{n} good shout, I'll sort the room booking.",
)
_ADVERTS = (
    "CAMPAIGN SEASON SALE 5,000 full-colour A5 leaflets from £89! Fast delivery, order at "
    "printbarn.example",
    "CAMPAIGN SEASON SALE 5000 full colour A5 leaflets from just £89!! Fast delivery, order "
    "today at printbarn.example",
    "CAMPAIGN SEASON SALE - 5,000 full colour leaflets A5 from £89, fast delivery, order at "
    "printbarn.example now",
)
_DERAIL = (
    "Who cares about any of this, the Blairite scum running this party are the real problem.",
    "Typical Corbynista cultists, wasting everyone's time while the country burns.",
    "Forget all that, the Blairite scum have already sold us out anyway.",
    "More Tory-lite melts pretending they want change. Pathetic bunch of centrists.",
    "Sick of Trot cultists and melts running every branch meeting in the country.",
    "Who gives a shit about any of this, Starmer is finished.",
)
_FLOOD = (
    "READ THE MOTION",
    "nobody is listening",
    "hello??",
    "answer me",
    "this branch is a joke",
    "still waiting",
    "typical",
    "LOL",
    "wake up people",
    "seriously",
)
_CHATTY = (
    "Morning all!",
    "Anyone got the link for tonight?",
    "Found it, ignore me.",
    "Coffee first, then canvassing.",
    "See you at the library steps at 10.",
    "Bring umbrellas, it looks grim.",
)
_REMINDER = (
    "Reminder: branch meeting this Thursday 7pm at the Trades Hall. Agenda and papers on the "
    "members' page, all welcome."
)
_ECHO = ("Same to you.", "You too, mate.", "Right back at you.", "Takes one to know one.")
_NOT_ECHO = ("You're right, I should have read it first.", "Fair enough, I'll check the figures.")


def _first(account: str) -> str:
    """The display first name of a synthetic account: ``maya.shah_3`` -> ``Maya``."""
    return account.split(".", 1)[0].split("_", 1)[0].capitalize()


class _Week:
    """One week of a forum: members, background threads and planted episodes."""

    def __init__(self, rng: random.Random, week: int, prefix: str, members: int = 60) -> None:
        self.rng = rng
        self.week = week
        self.prefix = prefix
        self.start = START + timedelta(days=7 * week)
        self.messages: list[Message] = []
        self.truth: list[Planted] = []
        self._serial = 0
        pool = [f"{f}.{last}{k or ''}_{week}" for k in range(3) for f in _FIRST for last in _LAST]
        rng.shuffle(pool)
        self._pool = pool
        self.members = [self._name() for _ in range(members)]
        self._unused: dict[str, list[str]] = {}

    def _name(self) -> str:
        return self._pool.pop()

    def at(self, day: float, hour: float = 0.0, minute: float = 0.0) -> datetime:
        return self.start + timedelta(days=day, hours=hour, minutes=minute)

    def post(
        self,
        author: str,
        text: str,
        when: datetime,
        *,
        reply_to: Message | None = None,
        mentions: tuple[str, ...] = (),
        shares: str | None = None,
        anonymous: bool = False,
    ) -> Message:
        self._serial += 1
        message = Message(
            id=f"{self.prefix}w{self.week:04d}-{self._serial:05d}",
            text=text,
            author=author,
            author_anonymous=anonymous,
            created_at=when,
            reply_to=reply_to.id if reply_to is not None else None,
            mentions=mentions,
            shares=shares,
            platform=PLATFORM,
        )
        self.messages.append(message)
        return message

    def fill(self, template: str, n: str = "", topic: tuple[str, str, str] | None = None) -> str:
        t, a, b = topic or self.rng.choice(_TOPICS)
        return template.format(n=n, t=t, a=a, b=b)

    def abuse(self, victim: str) -> str:
        """An abusive post aimed at ``victim``, naming them by first name."""
        return self.rng.choice(_ABUSE).format(n=_first(victim))

    def civil(self, author: str, templates: tuple[str, ...] = _CIVIL) -> str:
        """A template ``author`` has not used yet this week (people rarely repeat themselves)."""
        key = f"{author}\n{templates[0]}"
        unused = self._unused.get(key)
        if not unused:
            unused = list(templates)
            self.rng.shuffle(unused)
            self._unused[key] = unused
        return unused.pop()

    def extras(self, k: int) -> list[str]:
        return [self._name() for _ in range(k)]

    def truth_of(self, behaviour: str, planted: bool, kind: str, **kw: tuple[str, ...]) -> None:
        self.truth.append(Planted(behaviour=behaviour, planted=planted, kind=kind, **kw))

    # -- background ------------------------------------------------------------------------

    def thread(
        self, day: float, hour: float, replies: int, root_author: str | None = None
    ) -> Message:
        rng = self.rng
        topic = rng.choice(_TOPICS)
        author = root_author or rng.choice(self.members)
        root = self.post(author, self.fill(rng.choice(_ROOTS), topic=topic), self.at(day, hour))
        posted = [root]
        minute = 0.0
        for _ in range(replies):
            minute += rng.uniform(2, 25)
            parent = rng.choice(posted[-4:])
            writer = rng.choice([m for m in self.members if m != parent.author])
            text = self.fill(self.civil(writer), topic=topic)
            posted.append(self.post(writer, text, self.at(day, hour, minute), reply_to=parent))
        return root

    # -- unwelcome contact -----------------------------------------------------------------

    def unreciprocated(self) -> None:
        rng = self.rng
        actor, target = self.extras(2)
        root = self.thread(rng.uniform(0, 1), 9, 3, root_author=target)
        count = rng.randint(6, 9)
        for i, day in enumerate(sorted(rng.uniform(1, 6) for _ in range(count))):
            text = self.fill(_PESTER[i % len(_PESTER)], n=target)
            self.post(actor, text, self.at(day, rng.uniform(8, 22)), mentions=(target,))
        del root
        self.truth_of(
            "unwelcome_contact", True, "unreciprocated", actors=(actor,), targets=(target,)
        )

    def after_stop(self) -> None:
        rng = self.rng
        actor, target = self.extras(2)
        root = self.thread(0.2, 10, 2, root_author=target)
        first = self.post(
            actor,
            self.fill(_PESTER[0], n=target),
            self.at(0.5, 11),
            reply_to=root,
            mentions=(target,),
        )
        answer = self.post(
            target, "I've answered that in the papers, thanks.", self.at(0.5, 12), reply_to=first
        )
        second = self.post(
            actor,
            self.fill(_PESTER[1], n=target),
            self.at(1, 9),
            reply_to=answer,
            mentions=(target,),
        )
        stop = self.post(
            target, self.fill(rng.choice(_STOP), n=_first(actor)), self.at(1, 10), reply_to=second
        )
        for day in sorted(rng.uniform(1.5, 5) for _ in range(rng.randint(1, 3))):
            self.post(
                actor,
                self.fill(rng.choice(_PESTER[2:]), n=target),
                self.at(day, rng.uniform(8, 22)),
                mentions=(target,),
            )
        del stop
        self.truth_of(
            "unwelcome_contact", True, "after_stop_request", actors=(actor,), targets=(target,)
        )

    def friends(self) -> None:
        rng = self.rng
        a, b = self.extras(2)
        days = sorted(rng.uniform(0, 6.5) for _ in range(rng.randint(8, 12)))
        for i, day in enumerate(days):
            x, y = (a, b) if i % 2 == 0 else (b, a)
            text = self.fill(self.civil(x, _BANTER), n=y)
            self.post(x, text, self.at(day, rng.uniform(8, 22)), mentions=(y,))
        self.truth_of("unwelcome_contact", False, "friends", actors=(a,), targets=(b,))
        self.truth_of("unwelcome_contact", False, "friends", actors=(b,), targets=(a,))

    def joking_stop(self) -> None:
        a, b = self.extras(2)
        one = self.post(a, self.fill(_BANTER[1], n=b), self.at(2, 18), mentions=(b,))
        joke = self.post(
            b, f"{_first(a)} stop tagging me in memes lol 😂", self.at(2, 18.2), reply_to=one
        )
        self.post(a, f"@{b} never 😂", self.at(2, 18.3), reply_to=joke, mentions=(b,))
        for i in range(4):
            x, y = (a, b) if i % 2 == 0 else (b, a)
            self.post(x, self.fill(self.civil(x, _BANTER), n=y), self.at(3 + i, 19), mentions=(y,))
        self.truth_of("unwelcome_contact", False, "joking_stop", actors=(a,), targets=(b,))

    def asked_and_stopped(self) -> None:
        a, b = self.extras(2)
        one = self.post(a, self.fill(_PESTER[0], n=b), self.at(1, 9), mentions=(b,))
        two = self.post(a, self.fill(_PESTER[1], n=b), self.at(1, 15), reply_to=one, mentions=(b,))
        stop = self.post(b, self.fill(_STOP[0], n=_first(a)), self.at(1, 16), reply_to=two)
        self.post(a, "Sorry, fair enough. Won't happen again.", self.at(1, 16.5), reply_to=stop)
        self.truth_of("unwelcome_contact", False, "asked_and_stopped", actors=(a,), targets=(b,))

    # -- pile-ons --------------------------------------------------------------------------

    def pile_on(self) -> None:
        rng = self.rng
        target = self._name()
        attackers = self.extras(rng.randint(5, 7))
        day, hour = rng.uniform(0, 6), rng.uniform(9, 20)
        root = self.post(target, self.fill(rng.choice(_ROOTS)), self.at(day, hour))
        minute = 0.0
        for attacker in attackers:
            minute += rng.uniform(2, 10)
            text = self.abuse(target)
            if rng.random() < 0.5:
                self.post(attacker, text, self.at(day, hour, minute), reply_to=root)
            else:
                self.post(
                    attacker,
                    f"@{target} {text}",
                    self.at(day, hour, minute),
                    mentions=(target,),
                )
            if rng.random() < 0.3:
                minute += 1
                defender = rng.choice(self.members)
                self.post(
                    defender,
                    "Come on, that's out of order. Argue the politics.",
                    self.at(day, hour, minute),
                    reply_to=self.messages[-1],
                )
        self.truth_of("pile_on", True, "pile_on", actors=tuple(attackers), targets=(target,))

    def popular(self) -> None:
        rng = self.rng
        target = self._name()
        fans = self.extras(rng.randint(15, 25))
        day, hour = rng.uniform(0, 6), rng.uniform(9, 20)
        root = self.post(
            target,
            "Delighted to say I've been selected as our candidate for Northgate. Thank you all.",
            self.at(day, hour),
        )
        minute = 0.0
        for fan in fans:
            minute += rng.uniform(1, 6)
            self.post(
                fan,
                self.fill(rng.choice(_FRIENDLY), n=target),
                self.at(day, hour, minute),
                reply_to=root,
            )
        rude = self._name()
        self.post(rude, self.abuse(target), self.at(day, hour, minute + 3), reply_to=root)
        self.truth_of("pile_on", False, "popular_member", actors=(*fans, rude), targets=(target,))

    def lively(self) -> None:
        rng = self.rng
        target = self._name()
        repliers = self.extras(rng.randint(12, 18))
        topic = rng.choice(_TOPICS)
        day, hour = rng.uniform(0, 6), rng.uniform(9, 20)
        root = self.post(target, self.fill(rng.choice(_ROOTS), topic=topic), self.at(day, hour))
        minute = 0.0
        for replier in repliers:
            minute += rng.uniform(1, 8)
            self.post(
                replier,
                self.fill(self.civil(replier), topic=topic),
                self.at(day, hour, minute),
                reply_to=root,
            )
        self.truth_of("pile_on", False, "lively_civil_thread", targets=(target,))

    def scattered_rudeness(self) -> None:
        rng = self.rng
        target = self._name()
        for day in (1, 4):
            root = self.post(target, self.fill(rng.choice(_ROOTS)), self.at(day, 10))
            self.post(self._name(), self.abuse(target), self.at(day, 11), reply_to=root)
        self.truth_of("pile_on", False, "two_separate_rude_replies", targets=(target,))

    # -- trolling --------------------------------------------------------------------------

    def flood(self) -> None:
        rng = self.rng
        troll = self._name()
        day, hour = rng.uniform(0, 6), rng.uniform(9, 22)
        root = self.thread(day, hour - 1, 4)
        for i in range(rng.randint(14, 20)):
            self.post(troll, rng.choice(_FLOOD), self.at(day, hour, i * 0.25), reply_to=root)
        self.truth_of("trolling", True, "flooding", actors=(troll,))

    def spam(self) -> None:
        rng = self.rng
        spammer = self._name()
        day = rng.uniform(0, 5)
        for i in range(rng.randint(3, 5)):
            root = self.thread(day, 8 + 3 * i, 2)
            self.post(spammer, rng.choice(_ADVERTS), self.at(day, 9 + 3 * i), reply_to=root)
        self.truth_of("trolling", True, "near_duplicates", actors=(spammer,))

    def derail(self) -> None:
        rng = self.rng
        troll = self._name()
        day = rng.uniform(0, 5)
        lines = rng.sample(_DERAIL, 4)
        for i in range(rng.randint(3, 4)):
            root = self.thread(day, 8 + 4 * i, 2)
            self.post(troll, lines[i], self.at(day, 9 + 4 * i), reply_to=root)
        self.truth_of("trolling", True, "derailing", actors=(troll,))

    def reminder(self) -> None:
        secretary = self._name()
        for day in (0, 3):
            self.post(secretary, _REMINDER, self.at(day, 8, 30))
        self.truth_of("trolling", False, "twice_weekly_reminder", actors=(secretary,))

    def chatty(self) -> None:
        rng = self.rng
        member = self._name()
        day, hour = rng.uniform(0, 6), rng.uniform(8, 20)
        for i, text in enumerate(_CHATTY):
            self.post(member, text, self.at(day, hour, i * 1.8))
        self.truth_of("trolling", False, "chatty_member", actors=(member,))

    def one_swear(self) -> None:
        rng = self.rng
        member = self._name()
        root = self.thread(rng.uniform(0, 6), 12, 2)
        self.post(
            member,
            "Bloody hell, this rain. Canvass cancelled again, gutted.",
            self.at(rng.uniform(0, 6), 13),
            reply_to=root,
        )
        self.truth_of("trolling", False, "one_off_topic_swear", actors=(member,))

    # -- persistent abuse and amplification ------------------------------------------------

    def abuser_and_amplifiers(self) -> None:
        rng = self.rng
        abuser = self._name()
        breaches = rng.randint(4, 6)
        times = sorted(self.at(rng.uniform(0, 3)) for _ in range(breaches))
        posts = []
        for when in times:
            victim = rng.choice(self.members)
            posts.append(
                self.post(abuser, f"@{victim} " + self.abuse(victim), when, mentions=(victim,))
            )
        last = times[-1]
        harmless = self.post(
            abuser, self.fill(self.civil(abuser)), last + timedelta(hours=rng.uniform(1, 6))
        )
        self.truth_of("persistent_abuser", True, "persistent_abuser", actors=(abuser,))
        later = last + timedelta(hours=7)
        sharer, retweeter, booster = self.extras(3)
        self.post(sharer, "Worth a read.", later, shares=harmless.id)
        self.post(retweeter, f"RT @{abuser}: {harmless.text}", later + timedelta(hours=1))
        self.post(booster, "Spot on.", later + timedelta(hours=2), reply_to=posts[-1])
        for account in (sharer, retweeter, booster):
            self.truth_of("amplifier", True, "amplifier", actors=(account,), targets=(abuser,))
        challenger = self._name()
        self.post(
            challenger,
            "That's out of order. Reported to the mods.",
            later + timedelta(hours=3),
            reply_to=posts[-1],
        )
        self.truth_of("amplifier", False, "challenges_abuser", actors=(challenger,))

    def one_outburst(self) -> None:
        rng = self.rng
        member = self._name()
        victim = rng.choice(self.members)
        self.post(
            member,
            f"@{victim} " + self.abuse(victim),
            self.at(rng.uniform(0, 3), 20),
            mentions=(victim,),
        )
        later = self.post(member, self.fill(self.civil(member)), self.at(4, 10))
        self.truth_of("persistent_abuser", False, "one_outburst", actors=(member,))
        sharer = self._name()
        self.post(sharer, "Good thread, this.", self.at(4.5, 10), shares=later.id)
        self.truth_of("amplifier", False, "shares_one_off_offender", actors=(sharer,))
        other = self._name()
        root = self.thread(5, 9, 2)
        self.post(other, "Sharing, well worth reading.", self.at(5, 12), shares=root.id)
        self.truth_of("amplifier", False, "shares_member", actors=(other,))

    # -- anonymous abuse -------------------------------------------------------------------

    def anonymous(self) -> None:
        rng = self.rng
        anon = f"anon{rng.randint(1000, 9999)}_{self.week}_{self._serial}"
        for _ in range(rng.randint(1, 2)):
            victim = rng.choice(self.members)
            self.post(
                anon,
                f"@{victim} " + self.abuse(victim),
                self.at(rng.uniform(0, 6), rng.uniform(8, 23)),
                mentions=(victim,),
                anonymous=True,
            )
        self.truth_of("anonymous_abuse", True, "anonymous_abuse", actors=(anon,))
        civil = f"quietmember_{self.week}_{self._serial}"
        root = self.thread(rng.uniform(0, 6), 14, 2)
        self.post(
            civil,
            self.fill(rng.choice(_CIVIL)),
            self.at(rng.uniform(0, 6), 15),
            reply_to=root,
            anonymous=True,
        )
        self.truth_of("anonymous_abuse", False, "anonymous_civil", actors=(civil,))

    # -- reply context ---------------------------------------------------------------------

    def echoes(self) -> None:
        rng = self.rng
        a, b, c, d = self.extras(4)
        day = rng.uniform(0, 6)
        root = self.post(b, self.fill(rng.choice(_ROOTS)), self.at(day, 10))
        attack = self.post(a, self.abuse(b), self.at(day, 10, 5), reply_to=root)
        echo = self.post(b, rng.choice(_ECHO), self.at(day, 10, 9), reply_to=attack)
        self.truth_of(
            "echo_attack", True, "echo", actors=(b,), targets=(a,), message_ids=(echo.id,)
        )
        root2 = self.post(d, self.fill(rng.choice(_ROOTS)), self.at(day, 15))
        attack2 = self.post(c, self.abuse(d), self.at(day, 15, 5), reply_to=root2)
        agree = self.post(d, rng.choice(_NOT_ECHO), self.at(day, 15, 9), reply_to=attack2)
        self.truth_of("echo_attack", False, "youre_right", actors=(d,), message_ids=(agree.id,))
        wish = self.post(
            a,
            f"Have a great weekend everyone, see you Monday {_first(d)}.",
            self.at(day, 17),
            reply_to=root2,
        )
        same = self.post(d, "Same to you!", self.at(day, 17, 4), reply_to=wish)
        self.truth_of(
            "echo_attack", False, "friendly_same_to_you", actors=(d,), message_ids=(same.id,)
        )


def _week(rng: random.Random, week: int, prefix: str, background_threads: int) -> _Week:
    w = _Week(rng, week, prefix, members=max(60, min(600, background_threads // 2)))
    for _ in range(background_threads):
        w.thread(rng.uniform(0, 6.5), rng.uniform(7, 21), rng.randint(3, 12))
    for episode in (
        w.unreciprocated,
        w.after_stop,
        w.friends,
        w.joking_stop,
        w.asked_and_stopped,
        w.pile_on,
        w.popular,
        w.lively,
        w.scattered_rudeness,
        w.flood,
        w.spam,
        w.derail,
        w.reminder,
        w.chatty,
        w.one_swear,
        w.abuser_and_amplifiers,
        w.one_outburst,
        w.anonymous,
        w.echoes,
    ):
        episode()
    w.messages.sort(key=lambda m: (m.created_at or START, m.id))
    return w


def generate(*, weeks: int = 4, seed: int = 0, background_threads: int = 40) -> Conversation:
    """``weeks`` weeks of a forum, with every planted behaviour and look-alike once a week."""
    rng = random.Random(seed)
    messages: list[Message] = []
    truth: list[Planted] = []
    for week in range(weeks):
        built = _week(rng, week, "", background_threads)
        messages.extend(built.messages)
        truth.extend(built.truth)
    return Conversation(messages, truth)


def stream(n: int, *, seed: int = 0, background_threads: int = 400) -> Iterator[Message]:
    """``n`` messages in time order, built a week at a time (memory bounded by one week)."""
    rng = random.Random(seed)
    left = n
    week = 0
    while left > 0:
        for message in _week(rng, week, "s", background_threads).messages[:left]:
            yield message
            left -= 1
        week += 1


def message_record(message: Message) -> dict[str, object]:
    """A message as one record of dignity's JSONL input format."""
    return {
        "id": message.id,
        "author": message.author,
        "author_anonymous": message.author_anonymous,
        "created_at": message.created_at.isoformat().replace("+00:00", "Z")
        if message.created_at
        else None,
        "text": message.text,
        "reply_to": message.reply_to,
        "mentions": list(message.mentions),
        "shares": message.shares,
        "platform": message.platform,
    }


def write_jsonl(path: str | Path, messages: Iterable[Message]) -> int:
    """Write ``messages`` as JSON Lines, one message a line; returns how many were written."""
    count = 0
    with Path(path).open("w", encoding="utf-8") as out:
        for message in messages:
            out.write(json.dumps(message_record(message), ensure_ascii=False) + "\n")
            count += 1
    return count


@dataclass(frozen=True, slots=True, kw_only=True)
class BehaviourScore:
    """Precision and recall of one behaviour's detector on planted instances."""

    behaviour: str
    unit: str
    true_positives: int
    false_positives: int
    false_negatives: int
    lookalikes: int
    lookalikes_flagged: int

    @property
    def precision(self) -> float:
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        planted = self.true_positives + self.false_negatives
        return self.true_positives / planted if planted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


UNITS = {
    "unwelcome_contact": "ordered pair (actor -> target)",
    "pile_on": "target account",
    "trolling": "account",
    "persistent_abuser": "account",
    "amplifier": "account",
    "anonymous_abuse": "account",
    "echo_attack": "message",
}
_BY_DETECTOR = {
    "dignity.behaviour.unwelcome_contact.v1": "unwelcome_contact",
    "dignity.behaviour.pile_on.v1": "pile_on",
    "dignity.behaviour.trolling.v1": "trolling",
    "dignity.behaviour.anonymous.v1": "anonymous_abuse",
}


def flagged_units(
    conversation: Conversation, engine: Dignity | None = None, *, check_every: int = 200
) -> dict[str, set[object]]:
    """Stream the conversation through a fresh scan; every unit flagged at any point, by behaviour.

    Patterns are read every ``check_every`` messages and at the end, so an account listed as a
    persistent abuser for a while counts even if its score has decayed by the end.
    """
    from dignity.engine import Dignity

    scan = (engine or Dignity.from_policy()).conversation()
    found: dict[str, set[object]] = {b: set() for b in BEHAVIOURS}

    def collect() -> None:
        for pattern in scan.patterns():
            behaviour = _BY_DETECTOR.get(pattern.detector)
            if pattern.detector == "dignity.behaviour.persistent_abuse.v1":
                behaviour = (
                    "persistent_abuser" if pattern.label == "persistent_abuser" else "amplifier"
                )
            if behaviour == "unwelcome_contact":
                found[behaviour].add((pattern.actors[0], pattern.targets[0]))
            elif behaviour == "pile_on":
                found[behaviour].add(pattern.targets[0])
            elif behaviour is not None:
                found[behaviour].add(pattern.actors[0])

    for i, message in enumerate(conversation.messages, 1):
        assessment = scan.assess(message)
        if any(f.detector == "dignity.behaviour.reply_context.v1" for f in assessment.findings):
            found["echo_attack"].add(message.id)
        if i % check_every == 0:
            collect()
    collect()
    return found


def evaluate(conversation: Conversation, engine: Dignity | None = None) -> list[BehaviourScore]:
    """Per behaviour: planted units flagged (TP), other units flagged (FP), planted missed (FN)."""
    found = flagged_units(conversation, engine)
    scores = []
    for behaviour in BEHAVIOURS:
        planted = {t.unit for t in conversation.truth if t.behaviour == behaviour and t.planted}
        lookalikes = {
            t.unit for t in conversation.truth if t.behaviour == behaviour and not t.planted
        }
        flagged = found[behaviour]
        scores.append(
            BehaviourScore(
                behaviour=behaviour,
                unit=UNITS[behaviour],
                true_positives=len(flagged & planted),
                false_positives=len(flagged - planted),
                false_negatives=len(planted - flagged),
                lookalikes=len(lookalikes),
                lookalikes_flagged=len(flagged & lookalikes),
            )
        )
    return scores
