# PurePosixPath: parsing, joining, parts, names, suffixes, parents, relative_to, match, errors
from pathlib import PurePath, PurePosixPath, Path
P = PurePosixPath
for s in ['/usr/local/lib/libx.so.1', 'a/b/../c', '', '.', '/', '//srv/share', 'dir/', 'archive.tar.gz', '.bashrc', 'a..b.']:
    p = P(s)
    print(repr(p), str(p), p.parts, repr(p.name), repr(p.stem), repr(p.suffix), p.suffixes, repr(p.parent), p.is_absolute(), repr(p.anchor))
print(P('a') / 'b' / 'c.txt', '/etc' / P('passwd'), P('a', 'b', '/c', 'd'), P('a').joinpath('b', 'c'))
p = P('/home/user/docs/report.final.pdf')
print(list(p.parents), len(p.parents), p.parents[0], p.parents[-1], p.parents[1:3])
print(p.with_name('summary.txt'), p.with_suffix('.docx'), p.with_suffix(''), p.with_stem('draft'))
print(p.relative_to('/home'), p.relative_to(P('/home/user')), p.is_relative_to('/home'), p.is_relative_to('/etc'))
print(P('/a/b').relative_to('/a/c', walk_up=True), P('a/b/c.py').match('*.py'), P('a/b/c.py').match('b/*.py'), P('a/b/c.py').match('/b/*.py'))
print(P('a') == P('a/'), P('a') == P('b'), P('a/b') < P('a/c'), sorted([P('z'), P('a/b'), P('a')]), hash(P('x')) == hash(P('x')))
print(p.as_posix(), str(P('a/b')), PurePath('x/y'), type(PurePath('x')).__name__, type(Path('x')).__name__)
print({P('a'): 1}[P('a')], P('a') in [P('a')], P('/x').as_uri() if False else '')
for f in [lambda: p.relative_to('/etc'), lambda: P('/').with_name('x'), lambda: p.with_suffix('pdf'),
          lambda: p.with_name(''), lambda: p.with_name('a/b'), lambda: P(5), lambda: P('a').relative_to('/a'),
          lambda: P('').with_suffix('.x')]:
    try:
        print(f())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
