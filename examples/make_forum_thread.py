#!/usr/bin/env python3
"""Write ``examples/forum-thread.jsonl``: a SYNTHETIC forum thread for demos and tests.

EVERYTHING HERE IS FICTIONAL. The branch (Harnford), its council, its estate, its rail operator,
the leadership candidates, every member, handle, phone number, address and email address were
made up for this file. Phone numbers come from Ofcom's ranges reserved for drama (07700 900xxx,
01632 960xxx), email addresses use the reserved ``example.org`` domain, and the postcode area
``HF`` does not exist. Every record carries ``"platform": "synthetic-forum"``.

The thread is a local party branch forum arguing, over three days, about a council housing
plan, a leadership contest and a rail nationalisation motion. Most of it is legitimate debate,
some of it fierce; about a fifth of it breaches the party's social media code of conduct
(personal attacks, identity-based abuse, threats, sexualised comments, doxxing, derogatory
faction labels, an abusive anonymous account, unwanted @-mentions, a pile-on and spam). The
abusive posts exist so that the system can be tested against them; they are written to be
recognisable, not gratuitous.

Each post below carries the author's intended label (the ``Label`` type). The labels are not
written to the JSONL, which holds only what a platform export would; they are printed as a
summary when the script runs.

Run from the repository root::

    python3 examples/make_forum_thread.py

The output is deterministic: the same script always writes byte-identical JSONL.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Final, Literal

OUTPUT: Final = Path(__file__).resolve().parent / "forum-thread.jsonl"
PLATFORM: Final = "synthetic-forum"
SEED: Final = 20260313

Label = Literal[
    # Not breaches.
    "civil",  # ordinary debate, questions, organising, moderation
    "vehement",  # fierce but legitimate criticism of policies, votes, records, parties
    "swearing",  # profanity that is not aimed at anyone
    "counter_speech",  # quotes or names abuse in order to condemn it
    "identity_neutral",  # a member mentions their own identity, neutrally
    "banter",  # friendly teasing between friends who mention each other
    "own_contact",  # a member posts their OWN number, or a published office number
    "edge_case",  # emoji-only, RTL text, zero-width or bidi characters
    # Breaches of the code.
    "personal_attack",
    "identity_abuse",
    "threat",
    "sexualised",
    "doxxing",
    "faction_label",
    "unwanted_mention",
    "pile_on",
    "spam",
]

BREACHES: Final[frozenset[Label]] = frozenset(
    {
        "personal_attack",
        "identity_abuse",
        "threat",
        "sexualised",
        "doxxing",
        "faction_label",
        "unwanted_mention",
        "pile_on",
        "spam",
    }
)

# Fictional members. The descriptions are for readers of this script only.
AUTHORS: Final[dict[str, str]] = {
    "rosa_h": "branch secretary, moderates the forum",
    "dave_okafor": "housing campaigner, grew up on the Eastfield estate",
    "MargaretTyldesley": "long-standing member in her seventies",
    "priya.s": "councillor, cabinet member for housing",
    "tom_brannigan": "proposer of the rail motion, on the left of the party",
    "JoWrightCllr": "newly elected councillor for Northgate ward",
    "AnonRed1917": "anonymous account that repeatedly abuses members",
    "sam_k_they": "non-binary member interested in energy standards",
    "kez_m": "friend of lauren_b and ellie_marsh",
    "lauren_b": "friend of kez_m and ellie_marsh",
    "GarethPugh": "keeps @-mentioning ellie_marsh after she asks him to stop",
    "aisha_rahman": "Muslim member, canvasser, mother of three",
    "nadia_c": "disabled member, wheelchair user",
    "owen_lloyd": "gay member, trade union rep",
    "frank_hollis": "retired signalman, on the right of the party",
    "RedFlagRich": "on the left of the party, sometimes crosses the line",
    "ellie_marsh": "young member, 23",
    "LeafletPrintUK": "spam account",
    "mick_unison": "UNISON branch officer",
    "chris_adebayo": "commuter, careful reader of council papers",
    "bev_stanton": "branch vice-chair",
    "jamie_r": "student member, angry about rent",
    "olu_w": "undecided member",
    "hannah_g": "member who challenges abuse",
    "wendy_price": "member in her seventies",
    "steve_c_1962": "member who posts abuse",
}


@dataclass(frozen=True, slots=True)
class Post:
    """One hand-written post: a key that replies refer to, author, label, parent and text.

    ``at`` starts a new burst of activity at that UTC time; other posts follow the previous one
    after a short, seeded, pseudo-random gap.
    """

    key: str
    author: str
    label: Label
    reply_to: str | None
    text: str
    at: str | None = None


def p(
    key: str,
    author: str,
    label: Label,
    reply_to: str | None,
    text: str,
    at: str | None = None,
) -> Post:
    """Shorthand constructor to keep the post table readable."""
    return Post(key, author, label, reply_to, text, at)


RAIL_MOTION: Final = (
    "Right, here's the draft for regional conference. Comments welcome, amendments even more "
    "welcome.\n\n"
    "MOTION: A PUBLIC RAILWAY FOR HARNFORD AND THE NORTH-WEST\n\n"
    "Conference notes:\n"
    "1. That Transmere Rail cancelled or part-cancelled 11.4% of services on the "
    "Harnford–Bexford line in 2025, the worst performance of any operator in the region.\n"
    "2. That Harnford Central has had no working lift to platform 2 since November, leaving "
    "disabled passengers unable to travel.\n"
    "3. That the trains on the line are leased from private companies whose profits run to "
    "hundreds of millions a year while fares have risen faster than wages.\n\n"
    "Conference believes:\n"
    "4. That the railway is a public service and a natural monopoly, and that splitting track, "
    "trains and leasing between dozens of companies has driven costs up and accountability "
    "down.\n"
    "5. That public ownership of the railways is supported by around two-thirds of the public, "
    "including many Conservative and Reform voters.\n\n"
    "Conference resolves:\n"
    "6. To call on the government to bring every remaining passenger contract, including "
    "Transmere Rail, into public ownership as contracts expire, and sooner where operators "
    "fail.\n"
    "7. To call for the rolling stock companies to be taken into public ownership without "
    "compensation to shareholders.\n"
    "8. To call for a five-year freeze on regulated fares, paid for from the savings on "
    "dividends and leasing costs.\n"
    "9. To demand step-free access at every station in the region by 2030, starting with "
    "Harnford Central.\n\n"
    "Happy to go through it line by line on Thursday. Please read it before you tell me it's "
    "unaffordable – clause 6 costs nothing at all."
)

SPAM: Final = (
    "🔥 CAMPAIGN SEASON SALE 🔥 5,000 full-colour A5 leaflets from £89! Fast delivery for "
    "branches & candidates. Use code HARN20 for 20% off → www.leafletprint.example.com"
)

# fmt: off
POSTS: Final[tuple[Post, ...]] = (
    # ---------------------------------------------------------------- Friday 13 March: housing
    p("open", "rosa_h", "civil", None,
      "Afternoon all. Starting a thread for the branch ahead of Thursday's meeting. Three things "
      "on the agenda: (1) the council's Homes Plan 2026–31, which goes to full council on the "
      "26th; (2) whether we nominate in the leadership contest; (3) Tom's rail nationalisation "
      "motion for regional conference. Disagree as hard as you like, but about the politics, "
      "not each other.",
      at="2026-03-13T12:14:37Z"),
    p("h1", "dave_okafor", "vehement", "open",
      "I'll start then. The Homes Plan is a betrayal of every renter in this city. 'Affordable' "
      "at 80% of market rent in Harnford means £1,150 a month for a two-bed. Nobody on the "
      "Eastfield estate can pay that. We are about to knock down 412 council homes and call it "
      "regeneration."),
    p("h2", "priya.s", "civil", "h1",
      "Dave, I understand the anger, but the numbers need setting out properly. It's 412 homes "
      "demolished and 1,050 built, of which 310 are social rent. That's a net loss of 102 "
      "social homes, which I'm not pretending is good. Without the private units the scheme "
      "doesn't stack up, and the alternative is no rebuild at all while the damp gets worse "
      "every winter."),
    p("h3", "dave_okafor", "vehement", "h2",
      "'Doesn't stack up' is doing a lot of work there, Priya. A net loss of 102 social homes "
      "in a housing emergency, from our own council. I'd be ashamed to put my name to it."),
    p("h4", "MargaretTyldesley", "civil", "open",
      "I lived on Eastfield for 31 years before I moved in with my daughter. The damp is real. "
      "Whatever we decide, the residents' ballot has to be binding, not a consultation that "
      "gets ignored like it did in 2019."),
    p("h5", "tom_brannigan", "vehement", "h2",
      "The council's plan is economically illiterate. They're borrowing at 5% through the "
      "housing company to build flats they then sell to cross-subsidise. The moment the market "
      "dips the whole thing wobbles and the social units are the first to get 'value "
      "engineered' out. We've seen this film in Southwark and Haringey."),
    p("h6", "bev_stanton", "civil", "h5",
      "Tom, what's the alternative funding model though? Genuine question. The HRA is skint "
      "and the grant per unit is nowhere near what it was."),
    p("h7", "tom_brannigan", "civil", "h6",
      "Prudential borrowing against the HRA for the whole thing, phased, plus the new social "
      "rent grant that came in last autumn. Slower, yes. But we keep the land and we keep the "
      "homes."),
    p("h8", "bev_stanton", "swearing", "h7",
      "Christ on a bike, the HRA business plan appendix is 140 pages. Reading it on the bus so "
      "the rest of you don't have to."),
    p("h9", "chris_adebayo", "civil", "open",
      "Has anyone actually read appendix C? The decant policy gives secure tenants a right to "
      "return, but nothing for the 140-odd households in temporary accommodation on the "
      "estate. They're the ones who'll be scattered to Bexford and never come back."),
    p("h10", "nadia_c", "identity_neutral", "h9",
      "As a disabled member, can I flag that the plan only commits to 10% wheelchair-accessible "
      "homes in the new build, and the current blocks have the lifts out half the year. If "
      "we're pushing amendments, the M4(3) standard should be 15% minimum."),
    p("h11", "priya.s", "civil", "h10",
      "Nadia, that's a fair point and I'll take it back to officers. I think 15% is winnable."),
    p("by1", "kez_m", "swearing", None,
      "Sorry to interrupt the housing chat but can we take a moment for Northgate? Fucking "
      "brilliant result in the by-election. 61% on a 29% turnout in February. Well done "
      "everyone who knocked doors in that bloody rain."),
    p("by2", "lauren_b", "banter", "by1",
      "@kez_m you say that like you weren't the one hiding in the Co-op 'checking the register' "
      "for half of Saturday 😂"),
    p("by3", "kez_m", "banter", "by2",
      "@lauren_b slander. Absolute slander. I was rehydrating. Pint on me Thursday for your "
      "trouble, you cheeky cow."),
    p("by4", "JoWrightCllr", "own_contact", "by1",
      "Thanks all – first surgery as Northgate councillor is Saturday 10–12 at the library. If "
      "residents can't make it, the constituency office number is 01632 960 418 and they'll "
      "pass casework on to me."),
    p("h12", "frank_hollis", "vehement", "open",
      "Back on housing. I've been a member 40 years and I've never seen a plan this timid. "
      "We've a majority of 22 on the council and we're asking developers for permission to "
      "build council housing. Attlee would be spinning."),
    p("h13", "owen_lloyd", "civil", "h12",
      "Frank, Attlee had the Treasury behind him. Priya has a council whose budget has been cut "
      "by 40% in real terms since 2010. I'm not saying the plan is good, but let's blame the "
      "right people."),
    p("h14", "frank_hollis", "civil", "h13",
      "Fair, Owen. The Tories broke local government finance. We still don't have to cheer a "
      "bad scheme."),
    p("h15", "bev_stanton", "civil", "h9",
      "For those asking about figures, from the full council paper: 412 demolitions, 1,050 new "
      "homes, 310 social rent, 210 'affordable' at 80% of market, 530 private sale. Nine "
      "years, four phases."),
    p("h16", "aisha_rahman", "civil", "open",
      "I've been door-knocking on Eastfield for the ballot campaign. Honestly the biggest thing "
      "residents raise isn't the tenure split, it's that nobody from the council has told them "
      "what happens to their rent. Half of them think they'll be paying 'affordable' rent when "
      "they come back. Can we get that clarified before Thursday?"),
    p("h17", "priya.s", "civil", "h16",
      "Aisha – returning secure tenants keep social rent and their tenancy terms. It's in the "
      "offer document but clearly we've communicated it terribly. I'll get a plain-English "
      "leaflet done this week."),
    p("h18", "jamie_r", "vehement", "h17",
      "A leaflet. The estate is being knocked down and the answer is a leaflet. This is exactly "
      "why people on Eastfield don't trust us."),
    p("po1", "AnonRed1917", "pile_on", "h17",
      "Priya Shah is a careerist fraud who'd sell her own nan to a developer for a cabinet "
      "allowance. Everyone knows it. Useless."),
    p("po2", "GarethPugh", "pile_on", "po1",
      "Spot on. @priya.s you are a spineless, gutless disgrace and you should resign tonight."),
    p("po3", "RedFlagRich", "pile_on", "h17",
      "Nobody on this forum can stand you, Priya. Do us all a favour and go."),
    p("po4", "jamie_r", "pile_on", "po2",
      "Honestly yeah. @priya.s you're a liar and a coward, the lot of it."),
    p("po5", "steve_c_1962", "pile_on", "po4",
      "Another one who's only in it for herself. Pathetic woman."),
    p("cs1", "hannah_g", "counter_speech", "po5",
      "Stop. Five people in ten minutes telling Priya she's 'a liar and a coward', 'a careerist "
      "fraud' and a 'pathetic woman' isn't debate, it's a pile-on. Criticise the plan – I have "
      "– but this is exactly what the code of conduct says we don't do. Reported to the mods."),
    p("h19", "rosa_h", "civil", "cs1",
      "Agree with Hannah. Mod hat on: I've flagged the last few posts. Argue the scheme, not "
      "the person. Priya, sorry you're getting this."),
    p("h20", "priya.s", "civil", "h19",
      "Thanks Rosa, Hannah. I'm still happy to answer questions on the plan. I'm not happy to "
      "be called a liar for it."),
    p("h21", "olu_w", "civil", "open",
      "Genuine question for those opposing: if the ballot says yes, do we accept it? Residents "
      "might actually want new homes even with the net loss, and I'd be uncomfortable with the "
      "branch overriding them."),
    p("h22", "dave_okafor", "civil", "h21",
      "Yes, I'd accept a yes vote. My problem is the ballot only offers this scheme or "
      "nothing. Put a refurbishment option on the paper and let people choose."),
    p("ab1", "AnonRed1917", "identity_abuse", "h22",
      "Why is Dave even leading the housing campaign, he's not from here. Go back where you "
      "came from mate, we don't need your lot telling Harnford people what to do."),
    p("cs2", "chris_adebayo", "counter_speech", "ab1",
      "'Go back where you came from' – said to Dave, who was born at Harnford General and has "
      "lived on Eastfield his whole life. That's racist, full stop, and an anonymous account "
      "with a 1917 avatar doesn't make it socialist. Reported."),
    p("h23", "dave_okafor", "civil", "cs2",
      "Cheers Chris. Not engaging. Back to the plan."),
    p("h24", "chris_adebayo", "vehement", "h22",
      "And let's be clear about the opposition. The Lib Dems on the council will vote against "
      "this purely to cause trouble, after proposing a worse scheme with fewer social homes in "
      "2021. We should say so loudly."),
    p("h25", "wendy_price", "vehement", "h24",
      "And the Tories' local manifesto promised to sell the Eastfield land outright. Let's not "
      "forget who the real opposition is."),
    p("h26", "ellie_marsh", "civil", "open",
      "Young member perspective: I'm 23 and I've moved four times in three years because of "
      "no-fault evictions and rent hikes. I'll take a compromised scheme that builds "
      "*something* over a principled position that builds nothing. Sorry."),
    p("gp1", "GarethPugh", "vehement", "h26",
      "@ellie_marsh with respect you weren't even born when we last had a proper council house "
      "building programme. Read some history."),
    p("h27", "ellie_marsh", "civil", "gp1",
      "I've read plenty, thanks Gareth. Living through the current version is quite "
      "educational too."),
    p("gp2", "GarethPugh", "vehement", "h27",
      "@ellie_marsh living through it isn't the same as understanding it. Read Lynsey Hanley's "
      "Estates before you post again."),
    p("h28", "mick_unison", "swearing", "h7",
      "Bloody hell, it's like the 2019 AGM all over again in here. For what it's worth the "
      "UNISON branch has the caretakers and repairs team on Eastfield and they've been saying "
      "for years the blocks are knackered. Refurb isn't free either."),
    p("h29", "tom_brannigan", "civil", "h28",
      "Mick, refurb was estimated at £48m against £210m for demolition and rebuild. That's the "
      "2023 options appraisal – it's on the council website."),
    p("h30", "mick_unison", "civil", "h29",
      "That appraisal left out the structural survey on blocks C and D. Fair play if you've got "
      "a newer one."),
    p("pa0", "AnonRed1917", "personal_attack", "h29",
      "Tom Brannigan, you're a sad, pathetic idiot who's never done a day's work in his life. "
      "Nobody listens to a word you say."),
    p("h31", "sam_k_they", "civil", "open",
      "One thing nobody's mentioned: the plan has no commitment on energy standards for the new "
      "build. If we're doing this at all it needs to be Passivhaus or close, otherwise we're "
      "building tomorrow's fuel poverty."),
    p("ab2", "AnonRed1917", "identity_abuse", "h31",
      "lol 'sam_k_they'. Nobody cares what a confused bloke in a dress thinks about insulation. "
      "Stop making everything about your pronouns."),
    p("cs3", "lauren_b", "counter_speech", "ab2",
      "Sam made a point about insulation and got called 'a confused bloke in a dress' for being "
      "trans. That's transphobic abuse, and it's the third post from that account today. "
      "Reported. Sam, solidarity."),
    p("h32", "sam_k_they", "civil", "cs3",
      "Thanks Lauren. Anyway: Passivhaus. Goldsmith Street in Norwich shows it can be done at "
      "council rents."),
    p("h33", "bev_stanton", "civil", "h32",
      "+1 to Sam. I'd support an amendment on energy standards. Can someone draft it?"),
    p("oc1", "sam_k_they", "own_contact", "h33",
      "I'll draft one tonight. Anyone who wants to help with the wording, text me on 07700 900 "
      "582 – I'm not on here much in the evenings."),
    p("dx1", "AnonRed1917", "doxxing", "h20",
      "Since Priya loves developers so much maybe some of us should pop round to 27 Orchard "
      "Rise, Harnford HF2 4LT and tell her what we think. That's her house, by the way."),
    p("h34", "rosa_h", "civil", "dx1",
      "That post publishes a member's home address. I've reported it to the platform admins "
      "and asked them to remove it and review the account. Do not repeat or share it."),
    p("h35", "owen_lloyd", "identity_neutral", "h22",
      "As a gay man who grew up on an estate where you got your head kicked in for being "
      "different, I just want to say safe, secure, decent homes aren't a luxury. Whatever we "
      "decide, I want the people on Eastfield to have what I didn't."),
    p("h36", "tom_brannigan", "vehement", "h15",
      "A net loss of 102 social homes over nine years, with 6,800 households on the waiting "
      "list, is indefensible. I'll move an amendment on Thursday opposing the plan unless the "
      "social rent share reaches 40%."),
    p("h37", "priya.s", "civil", "h36",
      "Tom, 40% needs roughly another £35m of grant we don't have. I'd honestly welcome you "
      "lobbying the MP and the minister for it – I'll come with you."),
    p("h38", "JoWrightCllr", "civil", "h36",
      "Speaking as a councillor who'll have to vote on this: I'm minded to support it with "
      "amendments. Voting it down leaves Eastfield in damp flats for another decade."),
    p("h39", "wendy_price", "civil", "open",
      "Could we have the papers circulated before Thursday? Some of us older members don't do "
      "forums and I'm printing things out for Doris and Ken."),
    p("h40", "rosa_h", "civil", "h39",
      "Will do, Wendy – I'll email the papers tomorrow and post hard copies to anyone who "
      "asks."),
    p("h41", "RedFlagRich", "vehement", "open",
      "The truth is this council leadership has been captured by the regeneration industry. "
      "Every 'partnership' with Castlegate Homes ends the same way: fewer council homes, more "
      "luxury flats. Call it what it is – managed decline of social housing with a red rosette "
      "on."),
    p("h42", "priya.s", "vehement", "h41",
      "Rich, Castlegate is the only bidder who'd sign up to 30% social rent. I'd love a world "
      "where we don't need them; we don't live in it yet. And 'captured by the regeneration "
      "industry' is a bit much from someone who's never been to a housing scrutiny meeting."),
    p("pa1", "RedFlagRich", "personal_attack", "h42",
      "And you're a smug, self-important careerist who'd say anything to keep her cabinet "
      "seat. At least I'm not a liar."),
    p("h43", "olu_w", "civil", "pa1",
      "Rich, come on. That's not OK."),
    p("h44", "frank_hollis", "vehement", "h25",
      "Reform put a leaflet out in Northgate claiming the new flats would go to 'migrants "
      "first'. Complete lies, and we should be rebutting it on every doorstep."),
    p("h45", "mick_unison", "civil", "h38",
      "Whatever happens, the repairs contract stays in-house. If Castlegate try to bring in "
      "their own maintenance subcontractor we'll fight it."),
    p("h46", "ellie_marsh", "civil", "open",
      "Calling it a night. For what it's worth I think there's an amendment package here – "
      "accessible homes, energy standards, a binding ballot with a refurb option – that most of "
      "us could support."),
    p("gp3", "GarethPugh", "vehement", "h46",
      "@ellie_marsh 'an amendment package'. You sound like a SpAd. Did they teach you that at "
      "uni?"),
    p("ask1", "ellie_marsh", "civil", "gp3",
      "Gareth, please stop tagging me. I've read your points, I disagree, and I don't want "
      "notifications from you every ten minutes. Thanks."),
    p("bt1", "kez_m", "banter", "ask1",
      "@ellie_marsh fancy a drink before Thursday's meeting? Me and @lauren_b are doing the Red "
      "Lion at 6."),
    p("bt2", "ellie_marsh", "banter", "bt1",
      "@kez_m go on then. @lauren_b you're buying, you owe me from the count."),
    p("bt3", "lauren_b", "banter", "bt2",
      "@ellie_marsh I owe you nothing, you drank my gin and tonic while I was doing the "
      "tellers' sheets, you absolute gremlin 😂"),
    p("h47", "nadia_c", "civil", "h11",
      "Sent my accessibility amendment draft to Priya and Bev. Thanks both for engaging "
      "properly."),
    p("ab3", "AnonRed1917", "identity_abuse", "h47",
      "Maybe leave the housing campaign to people who can actually climb the stairs on the "
      "estate, Nadia. You can't even get into half the buildings you're 'campaigning' for."),
    p("cs4", "bev_stanton", "counter_speech", "ab3",
      "Telling Nadia to 'leave it to people who can climb the stairs' is disability abuse, and "
      "it's also exactly why she's right about the lifts. Reported, again. Can the mods please "
      "deal with this account?"),
    # ---------------------------------------------------- Saturday 14 March: leadership contest
    p("l0", "rosa_h", "civil", None,
      "Morning all. Admins are reviewing the AnonRed1917 account. Item 2: the leadership "
      "contest. Nominations close on the 27th. We can nominate Halloran, Mistry or nobody. "
      "Hustings recordings and both candidates' pledges are on the members' page.",
      at="2026-03-14T08:47:05Z"),
    p("sp1", "LeafletPrintUK", "spam", "l0", SPAM),
    p("l1", "tom_brannigan", "vehement", "l0",
      "I'll say it: Mistry's platform is austerity with a nicer font. 'Fiscal rules first' "
      "means no council house building, no public railway, no end to the two-child limit. We "
      "should nominate Halloran and say why, loudly."),
    p("l2", "JoWrightCllr", "vehement", "l1",
      "And Halloran's platform is a list of promises with no way of paying for them, which is "
      "how we lost four elections in a row. I'm backing Mistry because I want us in "
      "government, not just right."),
    p("fl1", "frank_hollis", "faction_label", "l1",
      "Here we go. The Trots have found the thread. Tom, you and your Socialist Worker pals can "
      "go back to flogging papers outside Tesco."),
    p("l3", "tom_brannigan", "civil", "fl1",
      "Frank, I've been a member for 19 years and I've never been in the SWP. Argue with what I "
      "said."),
    p("fl2", "RedFlagRich", "faction_label", "l2",
      "Of course Jo's backing Mistry. Tory-lite melts, the lot of them – they'd rather lose "
      "with a 'sensible' candidate than win with a socialist."),
    p("l4", "JoWrightCllr", "civil", "fl2",
      "I won Northgate on Thursday, Rich. 'Tory-lite melt' isn't an argument."),
    p("th0", "steve_c_1962", "threat", "l4",
      "Enjoy Northgate while it lasts, Jo. Plenty of people round here know which car is "
      "yours."),
    p("l5", "aisha_rahman", "civil", "l0",
      "What I want from either candidate is a clear answer on the two-child limit. Halloran "
      "says scrap it in year one, Mistry says 'when fiscal conditions allow'. That's the "
      "difference for most families I knock on."),
    p("l6", "chris_adebayo", "civil", "l5",
      "Same. Watched both hustings: Halloran was better on substance, Mistry was better on TV. "
      "Which of those matters more is the whole argument, isn't it."),
    p("l7", "mick_unison", "vehement", "l0",
      "The unions' position is clear: Halloran's employment rights package is the only serious "
      "one. Mistry's team watered down the fire-and-rehire ban at the last policy forum and we "
      "haven't forgotten."),
    p("l8", "olu_w", "civil", "l0",
      "I'm undecided. Mistry has a better chance with swing voters in places like Bexford; "
      "Halloran has the ideas. Can't we nominate nobody and let members vote individually?"),
    p("l9", "bev_stanton", "civil", "l8",
      "Olu, CLP nominations matter for getting on the ballot, but both are already over the "
      "threshold. I think no nomination is perfectly reasonable this time."),
    p("um1", "GarethPugh", "unwanted_mention", "l8",
      "@ellie_marsh gone quiet, have we? Who are you backing then, @ellie_marsh? Or are you "
      "waiting for your lecturers to tell you?"),
    p("sw1", "owen_lloyd", "swearing", None,
      "It's pissing it down again and I've got 200 leaflets for Church Street in a carrier bag "
      "that's rapidly turning into paper soup. Anyone got a spare waterproof bag?"),
    p("bt4", "kez_m", "banter", "sw1",
      "@owen_lloyd bin bag, mate. Working-class technology. I'll drop one round, you big "
      "drip."),
    p("sp2", "LeafletPrintUK", "spam", "sw1",
      "🔥 CAMPAIGN SEASON SALE 🔥 5000 full colour A5 leaflets from just £89!! Fast delivery for "
      "branches and candidates. Code HARN20 = 20% off → www.leafletprint.example.com"),
    p("l10", "rosa_h", "civil", "sp2",
      "Mods, can we get the leaflet spam removed please? Thanks."),
    p("ask2", "ellie_marsh", "civil", "um1",
      "Gareth, I asked you yesterday to stop tagging me. I'm asking again. I'll vote how I like "
      "and I don't owe you an explanation."),
    p("um2", "GarethPugh", "unwanted_mention", "ask2",
      "@ellie_marsh it's a public forum, love. If you can't handle a question you're in the "
      "wrong party. @ellie_marsh @ellie_marsh"),
    p("cs5", "hannah_g", "counter_speech", "um2",
      "Gareth, Ellie has asked you twice to stop @-ing her, and 'it's a public forum, love' "
      "doesn't change that. The code is explicit about persistently contacting someone when "
      "it's unwelcome. Please stop."),
    p("l11", "dave_okafor", "vehement", "l0",
      "On the leadership: whoever wins, I want a council housebuilding target with money "
      "attached. Mistry's '1.5 million homes' is a private-sector number. Halloran's 150,000 "
      "social homes a year is at least the right kind of number, even if I don't believe the "
      "costings."),
    p("l12", "sam_k_they", "identity_neutral", "l0",
      "As a non-binary member I'll just say both candidates have been decent at hustings on "
      "trans rights, which makes a change. My vote will come down to housing and climate."),
    p("l13", "bev_stanton", "vehement", "l2",
      "Mistry's record as shadow chancellor: voted for the fiscal rules, against the wealth tax "
      "amendment, for keeping the two-child limit in 2024. That's the record. Judge it."),
    p("l14", "GarethPugh", "civil", "l13",
      "Mistry's the only one with a plan for NHS waiting lists. Halloran's answer at hustings "
      "was 'more money', which isn't a plan."),
    p("l15", "MargaretTyldesley", "civil", "l0",
      "I've voted in every leadership election since Kinnock. My advice for what it's worth: "
      "vote for the person you think can win in Bexford and Harnford West, then hold them to "
      "account once they're in. That's our job as members."),
    p("ab4", "jamie_r", "identity_abuse", "l15",
      "Honestly Margaret, you're a senile old dinosaur. Nobody under 60 cares what Kinnock did. "
      "Do us all a favour and leave the voting to people who'll be alive to see the "
      "consequences."),
    p("cs6", "lauren_b", "counter_speech", "ab4",
      "Jamie, calling Margaret a 'senile old dinosaur' and telling her to leave voting to "
      "'people who'll be alive' is ageist abuse of a member who's knocked more doors than the "
      "rest of us combined. Apologise."),
    p("l16", "jamie_r", "civil", "cs6",
      "Fair. That was out of order, sorry Margaret. I'm angry about rent, not about you."),
    p("l17", "MargaretTyldesley", "civil", "l16",
      "Accepted, Jamie. Come canvassing with me on Sunday and I'll tell you about the 1980s. "
      "Bring a coat."),
    p("l18", "wendy_price", "vehement", "l13",
      "I'm backing Halloran. I'm 74 and I've been told to be 'realistic' my whole life. "
      "Realistic got us food banks."),
    p("l19", "JoWrightCllr", "civil", "l0",
      "Branch hustings: Halloran's team has confirmed a speaker for Thursday; still waiting on "
      "Mistry's. I'll chase."),
    p("sx1", "RedFlagRich", "sexualised", "l19",
      "Jo, if you're chairing Thursday in that red dress again I'll definitely be there 😉 "
      "Can't concentrate on the speeches when you're up front looking like that."),
    p("l20", "JoWrightCllr", "civil", "sx1",
      "That's inappropriate, Rich. Keep it to the politics."),
    p("sx2", "RedFlagRich", "sexualised", "l20",
      "Relax, it's a compliment. Bet you're a lot more fun after a couple of drinks at the Red "
      "Lion."),
    p("cs7", "bev_stanton", "counter_speech", "sx2",
      "Rich, Jo told you it was unwelcome. Comments about a councillor's dress and what she's "
      "'like after a couple of drinks' are sexual harassment under the code. Reported."),
    p("l21", "tom_brannigan", "civil", None,
      "Whatever happens with the leadership, the rail motion goes up tomorrow. I'd like "
      "comments before I send it to the regional office on Monday."),
    p("th1", "AnonRed1917", "threat", "l21",
      "Tom Brannigan, watch your back at the AGM. People round here remember who stitched up "
      "the 2023 selection."),
    p("l22", "tom_brannigan", "civil", "th1",
      "Reported. I'm not going to be intimidated off my own branch forum."),
    p("l23", "aisha_rahman", "identity_neutral", "l5",
      "As a Muslim woman and a mum of three, the two-child limit is the thing for me. It pushes "
      "families like my neighbours' into poverty by design."),
    p("ab5", "AnonRed1917", "identity_abuse", "l23",
      "Course you want more benefits for big families, Aisha. Take your Sharia nonsense "
      "somewhere else, this is a British party."),
    p("cs8", "olu_w", "counter_speech", "ab5",
      "Someone just told Aisha to 'take her Sharia nonsense somewhere else' because she talked "
      "about child poverty. That's anti-Muslim hatred. I've reported it to the admins and the "
      "regional office. Aisha, we've got your back."),
    p("l24", "aisha_rahman", "edge_case", "cs8",
      "شكرا Olu, and thank you everyone. جزاك الله خيرا. Back to the two-child limit 💪🏽"),
    p("sp3", "LeafletPrintUK", "spam", "l24",
      "CAMPAIGN SEASON SALE — 5,000 full-colour A5 leaflets from £89! Quick delivery for "
      "branches & candidates. Enter HARN20 for 20% off: www.leafletprint.example.com 🔥🔥"),
    p("l25", "ellie_marsh", "civil", "l0",
      "For the record I'm backing Halloran, mostly on housing and the two-child limit. Happy to "
      "talk about it with anyone asking in good faith."),
    p("um3", "GarethPugh", "unwanted_mention", "l25",
      "@ellie_marsh knew it. Another student Trot. Night night @ellie_marsh 😘"),
    p("l26", "ellie_marsh", "civil", "um3",
      "I've reported Gareth to the branch women's officer. Logging off."),
    p("l27", "rosa_h", "civil", "um3",
      "Gareth, you've been asked repeatedly. I've referred this to the regional office. Do not "
      "tag Ellie again."),
    p("l28", "frank_hollis", "vehement", "l1",
      "Whatever Tom's lot say, Mistry's the only candidate who won't get eaten alive by the "
      "papers in week one. I saw what happened in '83 and '19 and I'm not doing it again."),
    p("l29", "owen_lloyd", "civil", "l28",
      "I'm leaning Mistry too, for what it's worth. I think Halloran's right on almost "
      "everything and can't win. Which is a horrible thing to type."),
    p("ab6", "steve_c_1962", "identity_abuse", "l29",
      "Nobody asked, Owen. You lot only care which leader will march at Pride. Go and sort out "
      "your rainbow flags and leave the real politics to normal people."),
    p("l30", "owen_lloyd", "vehement", "ab6",
      "I've been a union rep for 12 years, Steve, and I've spent more Saturdays on picket "
      "lines than at Pride. 'Normal people' – have a word with yourself."),
    p("l31", "owen_lloyd", "vehement", "l2",
      "Also: Mistry's team are running the most negative campaign I've seen in the party. The "
      "briefings about Halloran's 'temperament' are sexist rubbish. Criticise her policies, "
      "fine."),
    p("l32", "jamie_r", "vehement", "l31",
      "Halloran's costings on the green investment pledge assume 3% growth every year. That's "
      "fantasy and the IFS will take it apart in a day. I still back her, but let's not "
      "pretend."),
    p("l33", "rosa_h", "civil", None,
      "Reminder: nominations meeting Thursday 7pm, Harnford Trades Hall. Step-free access via "
      "the Mill Street entrance; hearing loop available."),
    p("ab7", "steve_c_1962", "identity_abuse", "l33",
      "Will Rosa be running it like last time, screeching at anyone who goes over two minutes? "
      "Typical hysterical woman. Let a man chair it for once."),
    p("l34", "wendy_price", "civil", "ab7",
      "Steve, Rosa is the best secretary this branch has had in 20 years and she's the reason "
      "meetings finish before ten. Behave."),
    p("sw2", "jamie_r", "swearing", None,
      "Just back from the Halloran phone bank. Absolute bloody shambles of a dialler but we got "
      "through 340 calls. Knackered."),
    p("sw3", "kez_m", "swearing", "sw2",
      "Holy shit, 340 calls. Well done Jamie."),
    p("sw4", "mick_unison", "swearing", "l7",
      "Sod it, I'm going to say it: both candidates need to stop saying 'hard-working "
      "families'. Some of my members are on long-term sick. They're not less deserving."),
    p("l35", "nadia_c", "identity_neutral", "sw4",
      "Thank you Mick. As someone who's been on PIP for eight years, that phrase makes me feel "
      "like the party is talking past me."),
    p("sw5", "olu_w", "swearing", "l6",
      "Pissed off the Mistry hustings clashed with the match. Watched it back at 1.5x. My "
      "conclusion: still undecided, damn it."),
    p("l36", "sam_k_they", "swearing", "l6",
      "Damn, missed both hustings streams. Is there a recording with subtitles anywhere?"),
    p("l37", "chris_adebayo", "civil", "l36",
      "Sam – both are on the members' page, auto-captions on. Halloran's starts about 4 "
      "minutes in."),
    p("l38", "mick_unison", "swearing", "l13",
      "Bollocks to 'fiscal headroom'. Tell people what you'd actually do."),
    p("l39", "olu_w", "civil", "l9",
      "Decided: I'll vote for no nomination at branch level and Halloran individually. Thanks "
      "for the arguments, genuinely useful."),
    # ------------------------------------------------------ Sunday 15 March: the rail motion
    p("r0", "tom_brannigan", "vehement", None, RAIL_MOTION, at="2026-03-15T09:03:48Z"),
    p("r1", "JoWrightCllr", "civil", "r0",
      "Tom, I support public ownership, but 'without compensation' for the leasing companies "
      "will get this ruled out of order at regional, and it hands the Tories a headline. Would "
      "you accept 'at a fair price determined by Parliament'?"),
    p("r2", "tom_brannigan", "civil", "r1",
      "Possibly. My worry is 'fair price' becomes 'whatever the shareholders want'. Could live "
      "with 'at no more than book value'."),
    p("r3", "chris_adebayo", "civil", "r0",
      "Strongly support bringing Transmere back in. I commute to Bexford; the 07:42 has been "
      "cancelled 31 times since January. I've counted."),
    p("r4", "lauren_b", "swearing", "r3",
      "The 07:42 is a fucking myth, Chris. I've never seen it. I think it's a ghost train."),
    p("r5", "bev_stanton", "vehement", "r0",
      "I'm for public ownership, but this motion is a wish list. Clauses 7 and 8 cost billions "
      "with no funding line. Send this to regional and it'll be buried. Send something "
      "winnable."),
    p("r6", "RedFlagRich", "vehement", "r5",
      "'Send something winnable' is exactly the attitude that gave us 14 years of Tories and a "
      "railway run for the benefit of foreign state railways and their shareholders."),
    p("r7", "olu_w", "civil", "r0",
      "Question: does the motion cover buses? In Harnford most people who don't drive get the "
      "bus, not the train. Franchising is something the combined authority could actually do "
      "now."),
    p("r8", "tom_brannigan", "civil", "r7",
      "Good point Olu – I'll add a clause welcoming bus franchising powers and calling on the "
      "combined authority to use them."),
    p("oc2", "dave_okafor", "own_contact", "r8",
      "Happy to help gather signatures at the Eastfield bus stops. If anyone wants to join, "
      "text me on 07700 900 147 – we'll go out Wednesday after work."),
    p("dx2", "AnonRed1917", "doxxing", "oc2",
      "While we're sharing numbers, here's Sam's: 07700 900 631. Give them a ring and ask what "
      "'they' think about trains lol. Or email sam.kowalski@example.org if you'd rather."),
    p("r9", "sam_k_they", "civil", "dx2",
      "That's my personal number and email and I did not agree to them being posted. Please "
      "report it. I've had three calls already."),
    p("r10", "rosa_h", "civil", "r9",
      "Reported to the admins and the regional office. This is exactly the 'publishing of "
      "others' private information' the code forbids. Sam, ring me if you need anything – the "
      "branch will support you if you go to the police."),
    p("th2", "AnonRed1917", "threat", "r9",
      "Reporting me won't do anything, Sam. I know where you live. Might pay you a visit before "
      "Thursday."),
    p("r11", "lauren_b", "civil", "th2",
      "This is a threat. Screenshotted and reported to the police on 101. Sam, I'm happy to "
      "walk you to Thursday's meeting."),
    p("r12", "sam_k_they", "civil", "r11",
      "Thank you. I've reported it to 101 as well."),
    p("dx3", "steve_c_1962", "doxxing", "r10",
      "If anyone wants to complain about Rosa's 'moderating', her personal email is "
      "rosa.hughes71@example.org and she lives at 9 Cranmer Street, HF1 2DW. Tell her yourself."),
    p("r13", "wendy_price", "civil", "dx3",
      "Disgraceful. Steve, take that down. Reported."),
    p("r14", "mick_unison", "vehement", "r0",
      "On the motion: RMT and ASLEF will back anything that includes staffing guarantees. If it "
      "says nothing about guards on trains it's half a motion."),
    p("r15", "tom_brannigan", "civil", "r14",
      "Agreed – the amended draft includes retaining guards on all services."),
    p("fl3", "frank_hollis", "faction_label", None,
      "Can't say I'm surprised by the state of this thread. Let in every Corbynista cultist "
      "and entryist from 2015 and this is what you get."),
    p("fl4", "RedFlagRich", "faction_label", "fl3",
      "And the Blairite scum turn up to blame the left for everything, right on schedule."),
    p("r16", "rosa_h", "civil", "fl4",
      "Both of you: 'Corbynista cultists', 'Blairite scum' – the code is clear about "
      "derogatory descriptions of each other's positions. Please don't."),
    p("r17", "ellie_marsh", "edge_case", "r15", "👍"),
    p("r18", "frank_hollis", "vehement", "r0",
      "For all that, I'll support the rail motion. I was a signalman for 22 years. "
      "Fragmentation killed the railway's culture as much as its finances."),
    p("r19", "owen_lloyd", "civil", "r0",
      "I'd back the motion with Jo's compensation wording. Public ownership of the railways "
      "polls at around two-thirds, including a lot of Conservative voters. It isn't a fringe "
      "idea."),
    p("pa2", "GarethPugh", "personal_attack", "r19",
      "Owen you're a pathetic idiot. Two-thirds of people probably think the moon landings were "
      "faked as well."),
    p("r20", "owen_lloyd", "civil", "pa2",
      "Source is YouGov, Gareth. Happy to send you the tables."),
    p("sw6", "kez_m", "swearing", "r0",
      "Bloody brilliant – Transmere just announced another 'amended timetable' for May. "
      "Amended meaning fewer trains. Add it to the motion, Tom."),
    p("sw7", "chris_adebayo", "swearing", "sw6",
      "They cancelled the 07:42 AGAIN this morning. On a Sunday. It doesn't even run on "
      "Sundays. Shit service, shit company, nationalise the lot."),
    p("sp4", "LeafletPrintUK", "spam", "r0", SPAM),
    p("r21", "jamie_r", "vehement", "r0",
      "Fares. The motion needs the fares freeze or it's just a change of logo. A Harnford to "
      "Bexford anytime return is £23.40 for 19 miles. That's a scandal."),
    p("r22", "aisha_rahman", "civil", "r0",
      "Could the motion mention women's safety at stations? Harnford Central is unstaffed after "
      "9pm and the lighting on the footbridge is awful."),
    p("r23", "tom_brannigan", "civil", "r22",
      "Yes – staffed stations clause added. Thank you, Aisha."),
    p("fl5", "steve_c_1962", "faction_label", "r0",
      "The T\u200brots running this branch can vote to nationalise the weather for all I care."),
    p("r24", "sam_k_they", "edge_case", "r23",
      "#Public\u200bOwnership 🚆🚆🚆 ‘\u202eliaR eremsnarT\u202c’ → “Harnford & District "
      "Railways”? I'd ride that. ∑(fares) ≠ ∑(profits) ✊🏾"),
    p("r25", "chris_adebayo", "civil", "r0",
      "Summary of amendments to Tom's motion so far: (1) compensation at no more than book "
      "value; (2) bus franchising; (3) guards on trains; (4) staffed stations. Nadia, do you "
      "want to add step-free access at Harnford Central to clause 9?"),
    p("r26", "nadia_c", "identity_neutral", "r25",
      "Yes please. Harnford Central has one lift to platform 2 and it's been broken since "
      "November. As a wheelchair user I currently can't get a train to Bexford without going "
      "via Ellesby."),
    p("r27", "tom_brannigan", "civil", "r26",
      "Added, with a date. Thanks Nadia."),
    p("r28", "MargaretTyldesley", "civil", "r0",
      "I remember British Rail. It wasn't perfect and the sandwiches were dreadful, but you "
      "could get from here to Manchester without three changes and a replacement bus. I'll "
      "support the motion."),
    p("bt5", "jamie_r", "banter", "r28",
      "@MargaretTyldesley the sandwiches at Harnford Central are £6.80 now and equally "
      "dreadful, so progress of a sort"),
    p("bt6", "MargaretTyldesley", "banter", "bt5",
      "@jamie_r £6.80! I'll bring you a flask and a cheese roll on Sunday, you poor lamb."),
    p("th3", "AnonRed1917", "threat", "r16",
      "Rosa you're a jumped-up little hall monitor. Keep 'reporting' people and see what "
      "happens to you after the meeting."),
    p("r29", "bev_stanton", "civil", "th3",
      "Mods: can we have a clear statement on AnonRed1917? Three days of abuse, threats and "
      "people's private details. Anonymous accounts used to abuse people aren't permitted "
      "under the code."),
    p("r30", "rosa_h", "civil", "r29",
      "Admins have confirmed the account is now suspended and the details have gone to the "
      "regional office. Thank you to everyone who reported, and especially to those who "
      "weren't the target."),
    p("r31", "hannah_g", "civil", "r0",
      "Counting heads on the rail motion with the amendments: at least 14 regular attendees "
      "have said they'll back it. That's a majority."),
    p("th4", "steve_c_1962", "threat", "r31",
      "Keep counting, Hannah. People who stick their noses in like you do end up getting hurt."),
    p("r32", "hannah_g", "civil", "th4",
      "Reported, with screenshots, to the admins and the regional office. I'll still be there "
      "Thursday."),
    p("sx3", "steve_c_1962", "sexualised", "l25",
      "Ellie, forget the motion, send us a pic of you in that Young Labour t-shirt from the "
      "conference photo 😍 you'd get my vote."),
    p("r33", "ellie_marsh", "civil", "sx3",
      "No. Reported."),
    p("r34", "mick_unison", "vehement", "r6",
      "Let's be honest: the Tories privatised it, we didn't reverse it in 1997, and we all sat "
      "there for 25 years. Nobody's hands are clean, and that's exactly why this motion "
      "matters."),
    p("r35", "priya.s", "civil", "r0",
      "I'll support the rail motion too. Not every disagreement on this forum has to be a "
      "faction war."),
    p("pa3", "frank_hollis", "personal_attack", "r2",
      "Tom, you're as thick as mince. Book value of what? You couldn't read a balance sheet if "
      "it was printed on a pint glass."),
    p("r36", "tom_brannigan", "civil", "pa3",
      "The net book value in the leasing companies' published accounts, Frank. Page 41. I'll "
      "bring a copy."),
    p("sw8", "frank_hollis", "swearing", "r36",
      "Bugger. Fair enough, you're right on that one. Sorry for the 'mince' – I'll buy the "
      "first round Thursday."),
    p("sw9", "ellie_marsh", "swearing", None,
      "This bloody rain. Canvass cancelled, we're doing the phone bank from mine instead. "
      "Biscuits provided."),
    # ------------------------------------------------ Monday 16 March: housing update, wrap-up
    p("sp5", "LeafletPrintUK", "spam", "sw9",
      "🔥CAMPAIGN SEASON SALE🔥 5,000 full-colour A5 leaflets from £89! Fast delivery for "
      "branches & candidates. Use code HARN2O for 20% off → www.leaflet-print.example.com"),
    p("w1", "priya.s", "civil", "open",
      "Update on housing: officers have agreed to put a refurbishment option on the Eastfield "
      "ballot paper and to raise accessible homes to 15%. The energy standard is still being "
      "negotiated. Thank you Dave, Nadia, Sam and Aisha – the branch pushing did this.",
      at="2026-03-16T07:21:09Z"),
    p("w2", "dave_okafor", "civil", "w1",
      "Credit where it's due, Priya. That's a real change. I'll still campaign for the refurb "
      "option, but it's a proper choice now."),
    p("sw10", "jamie_r", "swearing", "w1",
      "Bloody hell. Something actually changed because members argued about it. Democracy, "
      "eh."),
    p("w3", "RedFlagRich", "vehement", "w1",
      "It's a start. Still a net loss of social homes and I'll still be lobbying against it at "
      "full council. But fair play on the ballot."),
    p("w4", "olu_w", "edge_case", "w1", "👍"),
    p("w5", "sam_k_they", "civil", "w1",
      "Thanks Priya. I'll keep pushing on Passivhaus – sending officers the Norwich costings "
      "today."),
    p("bt7", "kez_m", "banter", None,
      "@lauren_b @ellie_marsh Red Lion, Thursday, 6pm. Last one there takes the minutes."),
    p("bt8", "lauren_b", "banter", "bt7",
      "@kez_m you've taken minutes once in your life and you wrote 'chat about stuff' for item "
      "4"),
    p("w6", "rosa_h", "civil", "open",
      "Thanks everyone. Papers and amended motions going out tonight. See you Thursday – and "
      "please, be kind to each other in the room."),
)
# fmt: on

MENTION = re.compile(r"@([A-Za-z0-9_.]+)")


def mentions_in(text: str) -> list[str]:
    """Known handles @-mentioned in ``text``, in order of first appearance, without repeats."""
    found: list[str] = []
    for match in MENTION.finditer(text):
        handle = match.group(1).rstrip(".")
        if handle in AUTHORS and handle not in found:
            found.append(handle)
    return found


def parse_utc(value: str) -> datetime:
    """Parse a ``YYYY-MM-DDTHH:MM:SSZ`` string as an aware UTC datetime."""
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def gap(rng: random.Random, label: Label) -> timedelta:
    """A plausible pause before a post: pile-ons and spam come fast, other posts less so."""
    if label in ("pile_on", "spam"):
        return timedelta(seconds=rng.randint(20, 180))
    seconds = rng.randint(40, 600)
    if rng.random() < 0.12:
        seconds += rng.randint(900, 3600)  # a lull in the conversation
    return timedelta(seconds=seconds)


ANONYMOUS_AUTHORS = frozenset({"AnonRed1917"})
"""Accounts that hide who runs them; exports that know this say so per record."""


def build(posts: tuple[Post, ...]) -> list[dict[str, object]]:
    """Turn the post table into records, checking keys, authors, replies and time order."""
    rng = random.Random(SEED)
    ids: dict[str, str] = {}
    records: list[dict[str, object]] = []
    clock: datetime | None = None
    for number, post in enumerate(posts, start=1):
        if post.key in ids:
            raise ValueError(f"duplicate key {post.key!r}")
        if post.author not in AUTHORS:
            raise ValueError(f"unknown author {post.author!r} in {post.key!r}")
        if post.reply_to is not None and post.reply_to not in ids:
            raise ValueError(f"{post.key!r} replies to {post.reply_to!r}, not an earlier post")
        if post.at is not None:
            start = parse_utc(post.at)
            if clock is not None and start <= clock:
                raise ValueError(f"{post.key!r} starts at {post.at}, before the previous post")
            clock = start
        elif clock is None:
            raise ValueError("the first post needs a start time")
        else:
            clock += gap(rng, post.label)
        ids[post.key] = f"m{number:04d}"
        records.append(
            {
                "id": ids[post.key],
                "author": post.author,
                "author_anonymous": post.author in ANONYMOUS_AUTHORS,
                "created_at": clock.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "text": post.text,
                "reply_to": None if post.reply_to is None else ids[post.reply_to],
                "mentions": mentions_in(post.text),
                "platform": PLATFORM,
            }
        )
    return records


def main() -> int:
    records = build(POSTS)
    with OUTPUT.open("w", encoding="utf-8", newline="\n") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    labels = Counter(post.label for post in POSTS)
    breaches = sum(count for label, count in labels.items() if label in BREACHES)
    total = len(POSTS)
    print(f"wrote {total} synthetic messages to {OUTPUT}")
    print(f"  {records[0]['created_at']} .. {records[-1]['created_at']}")
    for label, count in sorted(labels.items(), key=lambda item: (-item[1], item[0])):
        kind = "breach" if label in BREACHES else "ok"
        print(f"  {label:<17} {count:>4}  {100 * count / total:5.1f}%  {kind}")
    print(f"  breaches          {breaches:>4}  {100 * breaches / total:5.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
