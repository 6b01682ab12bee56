import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple, Union

__version__: str

Html = Union[str, bytes, bytearray, memoryview]
Page = Union[Html, Tuple[Html, Optional[str]], Dict[str, Any]]

def summarize_json(
    html: Html, url: Optional[str] = None, charset: Optional[str] = None, pretty: bool = False
) -> str: ...
def summarize(html: Html, url: Optional[str] = None, charset: Optional[str] = None) -> Dict[str, Any]: ...
def summarize_many(pages: Iterable[Page], jobs: Optional[int] = None) -> Iterator[Dict[str, Any]]: ...
def summarize_files(
    inputs: Union[str, os.PathLike[str], List[Union[str, os.PathLike[str]]]],
    jobs: Optional[int] = None,
    raw: bool = False,
) -> Iterator[Any]: ...
