# glob/iglob over a temporary tree: *, ?, [..], recursive **, hidden files, root_dir, escape
import glob, os, tempfile, shutil
top = tempfile.mkdtemp()
old = os.getcwd()
os.chdir(top)
try:
    for p in ['a/b/c', 'a/d', 'e']:
        os.makedirs(p)
    for f in ['x.py', 'y.txt', 'a/z.py', 'a/b/w.py', 'a/b/c/v.txt', 'a/.hid.py', '.top.py', 'e/[x].py']:
        with open(f, 'w') as fh:
            fh.write(f)
    print(sorted(glob.glob('*.py')), sorted(glob.glob('*')), sorted(glob.glob('?.*')))
    print(sorted(glob.glob('a/*')), sorted(glob.glob('*/*.py')), sorted(glob.glob('[xy].*')))
    print(sorted(glob.glob('**/*.py', recursive=True)))
    print(sorted(glob.glob('**', recursive=True)))
    print(sorted(glob.glob('a/**/', recursive=True)))
    print(sorted(glob.glob('**/*.py')), sorted(glob.glob('.*')), sorted(glob.glob('*.py', include_hidden=True)))
    print(sorted(glob.glob('*.py', root_dir='a')), sorted(glob.iglob('a/b/*')), glob.glob('nothing*'))
    print(glob.escape('e/[x].py'), glob.glob(glob.escape('e/[x].py')), glob.glob('e/[x].py'), glob.has_magic('a*'))
    print(glob.glob('x.py'), glob.glob('missing.py'), glob.glob('a/'))
finally:
    os.chdir(old)
    shutil.rmtree(top)
print(os.path.exists(top))
