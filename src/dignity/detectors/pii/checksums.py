"""Check digits and issuing rules that tell a real identifier from a number of the same shape.

Each check takes the identifier with its separators already removed and answers yes or no; none
of them looks at the surrounding words (that is ``context``'s job).
"""

from __future__ import annotations

# HMRC: the first letter is never D, F, I, Q, U or V; the second never D, F, I, O, Q, U or V;
# and these prefixes are not allocated (administrative or temporary numbers).
_NINO_BAD_FIRST = frozenset("DFIQUV")
_NINO_BAD_SECOND = frozenset("DFIOQUV")
_NINO_BAD_PREFIXES = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})

# Lengths of the IBANs of the countries a UK forum is likely to see, by ISO country code.
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
    "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GI": 23, "GR": 27, "HR": 21, "HU": 28,
    "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31,
    "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
}  # fmt: skip

# Issuer prefixes of the card networks: Diners and Amex and JCB (3x), Visa (4), Mastercard and
# Maestro (5x), Discover and Maestro (6x); Mastercard's 2221-2720 range is checked separately.
_CARD_PREFIXES = ("30", "34", "35", "36", "37", "38", "4", "5", "6")


def luhn_valid(digits: str) -> bool:
    """Whether a string of digits passes the Luhn (mod 10) check used by payment cards."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def card_number_valid(digits: str) -> bool:
    """A 13 to 19 digit number from a card network's range that passes the Luhn check."""
    if not 13 <= len(digits) <= 19 or not digits.isascii() or not digits.isdigit():
        return False
    if not (digits.startswith(_CARD_PREFIXES) or 2221 <= int(digits[:4]) <= 2720):
        return False
    return luhn_valid(digits)


def iban_valid(compact: str) -> bool:
    """An upper-case IBAN without spaces, of its country's length, passing the mod-97 check."""
    if len(compact) < 15 or IBAN_LENGTHS.get(compact[:2]) != len(compact):
        return False
    if not compact.isascii() or not compact.isalnum() or not compact[2:4].isdigit():
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(char, 36)) for char in rearranged)
    return int(number) % 97 == 1


def nino_prefix_valid(prefix: str) -> bool:
    """Whether two upper-case letters can begin a National Insurance number HMRC allocates."""
    return (
        len(prefix) == 2
        and prefix[0] not in _NINO_BAD_FIRST
        and prefix[1] not in _NINO_BAD_SECOND
        and prefix not in _NINO_BAD_PREFIXES
    )
