"""The work one article may cost: how much of its text is analysed, and a wall-clock deadline.

``pipeline`` applies both around the understand stage so that an outlier (a 3 MB text, an input
that meets a slow path) becomes a ``too-complex`` rejection or a cut analysis instead of
stalling a crawl. Two guards, because a timer signal can only interrupt the main thread:

- in the main thread of a process (the CLI, or a worker *process*), ``deadline`` arms a
  ``SIGALRM`` timer (``setitimer``) that interrupts the work when the time is up;
- anywhere else (a worker *thread*), or when another timer is already armed, nothing can
  interrupt the work, so the deadline is checked when it ends: an analysis that overran is
  still rejected, the result is the same, only the stall is not cut short there.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from spyglass.records import Analysis, Article, Rejected

__all__ = ["Overrun", "Allowance", "Deadline", "deadline", "off_the_clock", "text_cut", "too_complex", "with_cut"]

_CUT_LOOKBACK = 1_000  # characters before the cap searched for a break, so no word is split


class Overrun(BaseException):  # noqa: N818 - not an error of the code: the time budget ran out
    """The deadline passed while the work ran.

    A ``BaseException`` so that ``except Exception`` inside the interrupted code (which turns a
    bug into an ``internal`` rejection) cannot swallow it.
    """


@dataclass
class Deadline:
    """A running deadline: ``seconds`` allowed (0: none), ``interrupts`` when a timer is armed."""

    seconds: float
    started: float
    interrupts: bool
    paused: float = 0.0  # seconds spent off the clock (``off_the_clock``)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started - self.paused

    @property
    def passed(self) -> bool:
        return self.seconds > 0 and self.elapsed > self.seconds


@dataclass
class Allowance:
    """The time one document may take in all: reading it and analysing its articles.

    ``seconds`` 0 is no limit. A document of many articles (a feed, a blog dump split into
    thousands of teasers) shares one allowance, so no document stalls a crawl however it splits.
    """

    seconds: float
    started: float = field(default_factory=time.monotonic)
    reported: bool = False  # an article's rejection already said the allowance ran out

    @property
    def spent(self) -> bool:
        return self.seconds > 0 and time.monotonic() - self.started >= self.seconds

    def left(self) -> float:
        """Seconds left for the next step, for ``deadline`` (0: no limit; never 0 when limited)."""
        if self.seconds <= 0:
            return 0.0
        return max(self.seconds - (time.monotonic() - self.started), 0.001)

    def pause(self, seconds: float) -> None:
        """Leave ``seconds`` out of the document's time (a one-time model load)."""
        self.started += seconds


_RUNNING = threading.local()  # ``stack``: the deadlines running in this thread, innermost last
_RAISE_AGAIN = 0.005  # seconds after a lost Overrun (see ``_raised_again``) it is raised again


def _raise_overrun(signum: int, frame: object) -> None:
    raise Overrun()


def _can_interrupt() -> bool:
    """A timer signal reaches only the main thread, and must not replace a timer set by others."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)
    )


@contextmanager
def deadline(seconds: float) -> Iterator[Deadline]:
    """Run the body under a deadline of ``seconds`` (0 or less: no deadline).

    Where it can (``Deadline.interrupts``), the body is interrupted by ``Overrun`` when the time
    is up; the caller catches it around the ``with`` (it may also arrive as the body ends).
    Elsewhere the caller checks ``Deadline.passed`` afterwards.
    """
    interrupts = seconds > 0 and _can_interrupt()
    running = Deadline(seconds=seconds, started=time.monotonic(), interrupts=interrupts)
    with _registered(running):
        if not interrupts:
            yield running
            return
        previous = signal.signal(signal.SIGALRM, _raise_overrun)
        hook = sys.unraisablehook
        sys.unraisablehook = _raised_again(hook)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield running
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            sys.unraisablehook = hook


@contextmanager
def _registered(running: Deadline) -> Iterator[None]:
    stack = _RUNNING.__dict__.setdefault("stack", [])
    stack.append(running)
    try:
        yield
    finally:
        del stack[max(i for i, d in enumerate(stack) if d is running)]  # this one, not an equal one


@contextmanager
def off_the_clock() -> Iterator[None]:
    """Run work no document should pay for (a tool loaded once, on its first need) inside the
    deadlines running in this thread: their timer stops while it runs, and each is extended by
    the time it took. Outside a deadline it just runs."""
    running = list(getattr(_RUNNING, "stack", ()))
    armed = any(d.interrupts for d in running)
    left = signal.setitimer(signal.ITIMER_REAL, 0)[0] if armed else 0.0
    started = time.monotonic()
    try:
        yield
    finally:
        spent = time.monotonic() - started
        for d in running:
            d.paused += spent
        if armed:  # what was left, as it was: a deadline already due is raised at once
            signal.setitimer(signal.ITIMER_REAL, max(left, _RAISE_AGAIN))


def _raised_again(hook: Callable[[Any], object]) -> Callable[[Any], object]:
    """An ``Overrun`` that arrives while Python runs a callback it cannot raise from (a weakref's,
    during garbage collection) would be lost, and the body would run on past its deadline: the
    timer is set again to raise it a moment later, where the body runs. Anything else goes to
    ``hook``."""

    def handle(unraisable: Any) -> object:
        if isinstance(unraisable.exc_value, Overrun):
            signal.setitimer(signal.ITIMER_REAL, _RAISE_AGAIN)
            return None
        return hook(unraisable)

    return handle


def text_cut(text: str, limit: int) -> int | None:
    """Where to cut a text analysed only up to ``limit`` characters (None: analyse it all).

    The cut falls on the last paragraph, line or word break before the limit when one is near,
    so a sentence or word is not split mid-way.
    """
    if limit <= 0 or len(text) <= limit:
        return None
    floor = max(0, limit - _CUT_LOOKBACK)
    for mark in ("\n\n", "\n", " "):
        found = text.rfind(mark, floor, limit)
        if found > 0:
            return found
    return limit


def too_complex(source: str, member: str | None, what: str) -> Rejected:
    """The rejection of a document or article that ran out of time (``what`` says doing what)."""
    hint = "raise SPYGLASS_ANALYSIS_DEADLINE if the document is genuine"
    return Rejected(source=source, member=member, code="too-complex", reason=f"{what}; {hint}")


def with_cut(analysis: Analysis, article: Article, cut: int) -> Analysis:
    """The analysis of a cut text, put on the whole article, its reasons saying what was left unread."""
    note = f"budget:text analysed up to character {cut} of {len(article.text)}"
    relevance = analysis.relevance.model_copy(update={"reasons": (*analysis.relevance.reasons, note)})
    return analysis.model_copy(update={"article": article, "relevance": relevance})
