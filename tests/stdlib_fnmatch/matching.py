# fnmatch: shell patterns, sets, ranges, escaping, filter, translate
import fnmatch
names = ['main.py', 'test_main.py', 'README.md', '.hidden', 'data1.csv', 'data2.csv', 'data10.csv', 'x[1].txt']
for pat in ['*.py', 'test_*', '*', '.*', 'data?.csv', 'data[0-9]*.csv', 'data[!1].csv', '[A-Z]*', 'x[[]1].txt', '*.[cC][sS][vV]']:
    print(pat, fnmatch.filter(names, pat))
print(fnmatch.fnmatch('Makefile', 'make*'), fnmatch.fnmatchcase('Makefile', 'make*'), fnmatch.fnmatchcase('a/b', 'a*'))
for pat in ['*.py', 'a*b*c', '[a-z]?x', '[!abc]*', '[]]', '[', 'x[0-9-]', '**/*.txt', '[z-a]', 'a.b+c']:
    print(pat, fnmatch.translate(pat))
