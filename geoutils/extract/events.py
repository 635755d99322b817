"""Event vocabulary: ACLED event/sub-event types, weapons and actors, in Arabic and English.

Phrases are written in their surface form and folded once with the shared
:func:`gazetteer.normalize.fold_token`; matching tries Arabic proclitic readings.

Example
-------
>>> from gazetteer.normalize import tokenize
>>> [(t.sub_event_type, t.weapon) for t in find_triggers(tokenize("لهجوم بصاروخ كاتيوشا"))]
[(None, None), ('Shelling/artillery/missile attack', 'rocket'), (None, 'Katyusha rocket')]
>>> [a.name for a in find_actors(tokenize("Kataib Hezbollah fighters"))]
['Kataib Hezbollah']
"""
from __future__ import annotations

from collections.abc import Iterator

from dataclasses import dataclass
from functools import lru_cache

from gazetteer.normalize import Token, fold_token, proclitic_variants

from geoutils.schema import EVENT_TYPES

__all__ = ["Trigger", "Actor", "find_triggers", "find_actors", "event_type_of", "AGENT_VERBS", "TARGET_CUES"]

ERV = "Explosions/Remote violence"
SHELL, AIR, IED, SUICIDE, GRENADE = EVENT_TYPES[ERV][:5]

# kind: strong (names a kind of event), weak (attack/strike: anaphora and context), mod (weapon only),
# intercept (the weapon was stopped: Disrupted weapons use)
_LEXICON: list[tuple[str, str, str | None, str | None]] = []  # (phrases, kind, sub_event_type, weapon)


def _add(kind: str, sub: str | None, weapon: str | None, phrases: str) -> None:
    for p in phrases.split("|"):
        _LEXICON.append((p.strip(), kind, sub, weapon))


_add("strong", SHELL, "rocket", "صاروخ|صاروخا|صواريخ|صاروخي|صاروخية|صاروخيا|rocket|rockets|rocket-propelled")
_add("strong", SHELL, "missile", "missile|missiles")
_add("strong", SHELL, "mortar", "قذيفة هاون|قذائف هاون|هاون|mortar|mortars|mortar shells|mortar rounds")
_add("strong", SHELL, "artillery", "قذيفة|قذائف|قصف مدفعي|مدفعية|artillery|shelling|shelled|shells")
_add("mod", None, "Katyusha rocket", "كاتيوشا|katyusha|katyushas")
_add("mod", None, "ballistic missile", "باليستي|باليستية|باليستيا|ballistic")
_add("mod", None, "cruise missile", "كروز|cruise")
_add("mod", None, "Grad rocket", "غراد|grad")
_add("strong", AIR, None, "طائرات حربية|طائرة حربية|مقاتلات حربية|غارة|غارات|غارة جوية|غارات جوية|ضربة جوية|ضربات جوية|قصف جوي|airstrike|airstrikes|air strike|air strikes|air raid|air raids|bombing raid|warplanes")
_add("strong", AIR, "drone", "طائرة مسيرة|طائرات مسيرة|بطائرة مسيرة|طائرة بدون طيار|طائرات بدون طيار|درون|مسيرة مفخخة|drone|drones|drone strike|drone strikes|uav|uavs")
_add("strong", IED, "IED", "عبوة ناسفة|عبوات ناسفة|عبوة|ied|ieds|roadside bomb|roadside bombs|explosive device|improvised explosive device")
_add("strong", IED, "landmine", "لغم|ألغام|لغم أرضي|landmine|landmines|land mine")
_add("strong", IED, "car bomb", "سيارة مفخخة|سيارات مفخخة|car bomb|car bombs|vbied")
_add("strong", SUICIDE, "suicide vest", "انتحاري|انتحارية|انتحاريا|حزام ناسف|suicide bomber|suicide bombers|suicide bombing|suicide attack|suicide vest")
_add("strong", GRENADE, "grenade", "قنبلة يدوية|قنابل يدوية|grenade|grenades|hand grenade")
_add("strong", "Armed clash", None, "اشتباكات|اشتباك|اشتبكت|اشتبك|معارك|مواجهات مسلحة|clashes|clashed|clash|firefight|gun battle|gunfight|fighting")
_add("intercept", "Disrupted weapons use", None, "اعتراض|اعترضت|اعترض|أسقطت|أسقط|إسقاط|تصدت|intercepted|intercept|interception|shot down|downed")
_add("strong", "Peaceful protest", None, "مظاهرة|مظاهرات|تظاهرة|تظاهرات|تظاهر|احتجاج|احتجاجات|محتجون|محتجين|متظاهرون|متظاهرين|اعتصام|protest|protests|protesters|protestors|demonstrators|demonstration|demonstrations|rally|sit-in")
_add("strong", "Violent demonstration", None, "اقتحام|اقتحم|اقتحموا|اقتحمت|مهاجمة السفارة|مهاجمة القنصلية|مهاجمة مقر|شغب|أعمال شغب|stormed|storming|storm|rioters|riot|riots|ransacked")
_add("strong", "Abduction/forced disappearance", None, "اختطاف|اختطف|خطف|خطفوا|kidnapped|abducted|kidnapping|abduction")
_add("strong", "Attack", None, "إعدام|أعدم|أعدموا|executed|execution|massacre|مجزرة")
_add("weak", None, None, "هجوم|هجوما|هجمات|الهجوم|ضربة|ضربات|استهداف|استهدف|استهدفت|يستهدف|قصف|attack|attacks|attacked|strike|strikes|struck|assault|bombardment|explosion|blast|انفجار|تفجير")

#: sub-event type -> event type
_PARENT = {sub: et for et, subs in EVENT_TYPES.items() for sub in subs}
_PLURAL_ATTACK = frozenset(fold_token(w) for w in "هجوما هجمات هجوم attacks incidents".split())

_FIRST: dict[str, list[tuple[tuple[str, ...], str, str | None, str | None]]] = {}
for _p, _kind, _sub, _weapon in _LEXICON:
    _key = tuple(t for t in (fold_token(w) for w in _p.replace("-", " ").split()) if t)
    _FIRST.setdefault(_key[0], []).append((_key, _kind, _sub, _weapon))
for _v in _FIRST.values():
    _v.sort(key=lambda e: -len(e[0]))


def event_type_of(sub_event_type: str | None) -> str | None:
    """ACLED event type of a sub-event type.

    Example
    -------
    >>> event_type_of("Air/drone strike")
    'Explosions/Remote violence'
    """
    return _PARENT.get(sub_event_type or "")


@dataclass(frozen=True)
class Trigger:
    """A word or phrase naming an event (token span ``start:end``)."""

    start: int
    end: int
    kind: str  # strong | weak | mod | intercept
    sub_event_type: str | None
    weapon: str | None
    definite: bool
    aggregate: bool = False  # "20 rocket attacks": a count of events, not one event


@lru_cache(maxsize=65536)
def _readings(norm: str) -> tuple[str, ...]:
    return tuple(proclitic_variants(norm)) if norm and not norm.isascii() else (norm,)


def _definite(tokens: list[Token], i: int) -> bool:
    raw = tokens[i].text
    if not raw.isascii():
        return raw.startswith(("ال", "وال", "بال", "فال", "كال", "لل"))
    return i > 0 and tokens[i - 1].norm in ("the", "this", "that", "these", "those", "same")


_FIRST_SETS: dict[int, tuple[dict, dict[str, bool]]] = {}


def _starters(first: dict) -> dict[str, bool]:
    """Per-lexicon cache: can a phrase of ``first`` start at a token with this norm?"""
    got = _FIRST_SETS.get(id(first))
    if got is None or got[0] is not first:
        got = _FIRST_SETS[id(first)] = (first, {})
    return got[1]


def _match(tokens: list[Token], i: int, first: dict, may: dict[str, bool] | None = None) -> tuple[tuple[str, ...], tuple] | None:
    norm = tokens[i].norm
    if may is not None:
        ok = may.get(norm)
        if ok is None:
            ok = may[norm] = any(v in first for v in _readings(norm))
            if len(may) > 200_000:
                may.clear()
        if not ok:
            return None
    for v in _readings(norm):
        for entry in first.get(v, ()):
            key = entry[0]
            if len(key) == 1 or tuple(t.norm for t in tokens[i + 1: i + len(key)]) == key[1:]:
                return key, entry
    return None


def _phrases(tokens: list[Token], first: dict) -> Iterator[tuple[int, tuple[str, ...], tuple]]:
    """(token index, phrase key, lexicon entry) of each phrase of a lexicon in ``tokens``,
    longest phrase first, left to right, without overlaps."""
    i, n = 0, len(tokens)
    may = _starters(first)
    while i < n:
        got = None if may.get(tokens[i].norm) is False else _match(tokens, i, first, may)
        if got is None:
            i += 1
            continue
        yield i, got[0], got[1]
        i += len(got[0])


def find_triggers(tokens: list[Token]) -> list[Trigger]:
    """Event words in ``tokens``, longest phrase first, left to right.

    Example
    -------
    >>> from gazetteer.normalize import tokenize
    >>> [t.kind for t in find_triggers(tokenize("Iraqi air defences intercepted two drones"))]
    ['intercept', 'strong']
    """
    from geoutils.extract.numbers import word_value  # local: numbers imports nothing from here

    out: list[Trigger] = []
    n = len(tokens)
    for i, key, (_, kind, sub, weapon) in _phrases(tokens, _FIRST):
        agg = False
        if i > 0 and any(v in _PLURAL_ATTACK for v in _readings(tokens[i].norm)) or (
            i + 1 < n and tokens[i + 1].norm in _PLURAL_ATTACK
        ):
            before = tokens[i - 1].norm if i > 0 else ""
            if before == "نحو" and i > 1:
                before = tokens[i - 2].norm
            val = word_value(before) if before else None
            agg = val is not None and val >= 2 and not (len(before) == 4 and before.isdigit() and val > 1900)
        out.append(Trigger(i, i + len(key), kind, sub, weapon, _definite(tokens, i), agg))
    return out


@dataclass(frozen=True)
class Actor:
    """An actor named in the text (token span ``start:end``), with its canonical name."""

    start: int
    end: int
    name: str
    state: bool  # a state or its forces, as opposed to an armed group, protesters...


_ACTORS: list[tuple[str, str, bool]] = []


def _actor(name: str, state: bool, phrases: str) -> None:
    for p in phrases.split("|"):
        _ACTORS.append((p.strip(), name, state))


_actor("United States", True, "الولايات المتحدة|القوات الأميركية|القوات الأمريكية|الجيش الأميركي|الجيش الأمريكي|واشنطن|البنتاغون|وزارة الدفاع الأميركية|الأميركيون|الأمريكيون|united states|us forces|u s forces|us military|u s military|american forces|us troops|u s troops|washington|pentagon|the us|the u s|us|u s")
_actor("Iran", True, "إيران|طهران|الحرس الثوري|الحرس الثوري الإيراني|iran|tehran|irgc|revolutionary guards|revolutionary guard|iranian forces")
_actor("Quds Force", True, "فيلق القدس|quds force")
_actor("Kataib Hezbollah", False, "كتائب حزب الله|kataib hezbollah|kata ib hezbollah|kataib hizbollah|kataeb hezbollah")
_actor("Hezbollah", False, "حزب الله|hezbollah|hizbollah")
_actor("Popular Mobilization Forces", False, "الحشد الشعبي|هيئة الحشد الشعبي|popular mobilization forces|popular mobilisation forces|pmf|hashd")
_actor("Islamic State", False, "داعش|تنظيم الدولة|تنظيم الدولة الإسلامية|islamic state|isis|isil|daesh")
_actor("Iraqi security forces", True, "القوات العراقية|الجيش العراقي|قوات الأمن العراقية|القوات الأمنية|iraqi forces|iraqi security forces|iraqi army|iraqi troops")
_actor("Israel", True, "إسرائيل|الجيش الإسرائيلي|israel|israeli forces|israeli military|idf")
_actor("Turkey", True, "الجيش التركي|القوات التركية|turkish forces|turkish military|turkish army")
_actor("Houthis", False, "الحوثيون|الحوثيين|جماعة الحوثي|أنصار الله|houthis|houthi|houthi rebels|ansar allah")
_actor("PKK", False, "حزب العمال الكردستاني|pkk")
_actor("Peshmerga", True, "البيشمركة|peshmerga")
_actor("Protesters", False, "متظاهرون|متظاهرين|محتجون|محتجين|protesters|protestors|demonstrators")
_actor("Unidentified armed group", False, "مسلحون مجهولون|مسلحين مجهولين|مجهولون|gunmen|unknown gunmen|unidentified gunmen|militants")

_ACTOR_FIRST: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
for _p, _name, _state in _ACTORS:
    _key = tuple(t for t in (fold_token(w) for w in _p.split()) if t)
    if _key:
        _ACTOR_FIRST.setdefault(_key[0], []).append((_key, _name, _state))
for _v in _ACTOR_FIRST.values():
    _v.sort(key=lambda e: -len(e[0]))


def find_actors(tokens: list[Token]) -> list[Actor]:
    """Actors named in ``tokens`` (longest phrase first), e.g. "كتائب حزب الله" before "حزب الله".

    Example
    -------
    >>> from gazetteer.normalize import tokenize
    >>> [a.name for a in find_actors(tokenize("اتهمت واشنطن كتائب حزب الله"))]
    ['United States', 'Kataib Hezbollah']
    """
    out: list[Actor] = []
    for i, key, (_, name, state) in _phrases(tokens, _ACTOR_FIRST):
        # "US"/"us" in English: only the upper-case abbreviation
        if key in (("us",), ("u", "s")) and not tokens[i].text.isupper():
            continue
        out.append(Actor(i, i + len(key), name, state))
    return out


AGENT_VERBS = frozenset(fold_token(w) for w in (
    "أطلق أطلقت أطلقوا نفذ نفذت نفذوا شن شنت شنوا شنتها قصف قصفت استهدف استهدفت تبنى تبنت أعلن أعلنت "
    "هاجم هاجمت فجر فجرت تصفية اغتيال "
    "launched fired carried conducted struck targeted attacked shelled claimed hit bombed"
).split())
ACCUSE_VERBS = frozenset(fold_token(w) for w in "اتهم اتهمت اتهموا حمل حملت accused blamed".split())
TARGET_CUES = frozenset(fold_token(w) for w in "على ضد استهدف استهدفت against targeting targeted on at".split())
SUPPORTERS = frozenset(fold_token(w) for w in "مناصريه مناصري مناصرين أنصار أنصاره supporters loyalists".split())
FORCES_PRONOUN = frozenset(fold_token(w) for w in "قواتها قواته its their".split())
