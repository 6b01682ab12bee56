"""Type stubs of the extension module built from src/python.rs (use the wrappers in ``lede``)."""

from typing import Iterator, List, Optional, Tuple

__version__: str

def summarize_json(
    html: bytes, url: Optional[str] = None, charset: Optional[str] = None, pretty: bool = False
) -> str:
    """One page's summary as JSON text; raises ValueError when the input is not a page."""

def summarize_batch(
    pages: List[Tuple[bytes, Optional[str], Optional[str]]], jobs: int
) -> List[Tuple[bool, str]]:
    """Many pages on ``jobs`` threads, in order: ``(True, summary_json)`` or ``(False, reason)``."""

class BatchLines(Iterator[str]):
    def __iter__(self) -> "BatchLines": ...
    def __next__(self) -> str: ...

def batch_lines(inputs: List[str], jobs: int) -> BatchLines:
    """``lede batch`` over ``inputs`` on ``jobs`` threads: its output lines, in input order."""
