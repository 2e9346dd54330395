# typing: subscription, reprs, Union/Optional rules, TypeVar substitution, get_origin/get_args
import typing
from typing import (Any, Callable, ClassVar, Dict, Final, FrozenSet, Iterable, Iterator, List,
                    Literal, Mapping, Optional, Sequence, Set, Tuple, Type, TypeVar, Union,
                    Annotated, Generator, get_args, get_origin, cast, TYPE_CHECKING)

print(List[int], Dict[str, List[int]], Optional[int], Union[int, str, None], Union[int])
print(Callable[[int, str], bool], Callable[..., int], Tuple[int, ...], Tuple[()], Tuple[int, str])
print(Any, Literal[1, 'a'], ClassVar[int], Final[int], Annotated[int, 'meta'], Set[bytes])
print(Iterable[int], Iterator[str], Sequence[float], Mapping[str, int], Type[int], FrozenSet[int])
print(Generator[int, None, None], Optional[List[int]], Union[int, Union[str, int]])
T = TypeVar('T')
K = TypeVar('K', bound=str, covariant=True)
N = TypeVar('N', int, float, contravariant=True)
print(T, K, N, T.__name__, K.__bound__, N.__constraints__, List[T], Dict[T, int][str])
print(List[T].__parameters__, Dict[K, T].__parameters__, Dict[str, T][int])
print(Optional[int] == Union[int, None], Union[int, str] == Union[str, int], Literal[1, 2] == Literal[2, 1])
print(List[int] == List[int], List[int] == List[str], hash(List[int]) == hash(List[int]))
print(int | List[int], List[int] | None, Optional[int] | str)
print(get_origin(List[int]), get_origin(Union[int, str]), get_origin(int), get_origin(Annotated[int, 1]))
print(get_args(Callable[[int], str]), get_args(Dict[str, int]), get_args(Optional[int]), get_args(int))
print(isinstance([], List), isinstance({}, Dict), isinstance(1, Union[int, str]), isinstance('', Optional[int]))
print(issubclass(list, Sequence), isinstance([1], Iterable), isinstance(iter([]), Iterator), isinstance(5, Iterable))
print(cast(int, 'x'), TYPE_CHECKING, typing.Text, typing.AnyStr)
for bad in ['isinstance([], List[int])', 'Union[()]', 'Optional[int, str]', 'List[int, str]',
            'Any()', 'Union[int]()', "Callable[int]", 'typing.Generic[int]', 'List()']:
    try:
        eval(bad)
    except TypeError as e:
        print('TypeError', e)
