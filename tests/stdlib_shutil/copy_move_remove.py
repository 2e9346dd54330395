# shutil: copyfile/copy/copy2/copytree(ignore)/move/rmtree/which/errors in a temp dir
import os, shutil, tempfile
top = tempfile.mkdtemp()
old = os.getcwd()
os.chdir(top)
def tree(root):
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for f in sorted(filenames):
            p = os.path.join(dirpath, f)
            with open(p) as fh:
                out.append((p, fh.read()))
    return out
try:
    os.makedirs('src/sub/deep')
    for name, text in [('src/a.txt', 'alpha'), ('src/b.log', 'beta'), ('src/sub/c.txt', 'gamma'), ('src/sub/deep/d.txt', 'delta')]:
        with open(name, 'w') as f:
            f.write(text)
    os.chmod('src/a.txt', 0o640)
    print(shutil.copyfile('src/a.txt', 'a_copy.txt'), open('a_copy.txt').read())
    print(shutil.copy('src/a.txt', 'src/sub'), oct(os.stat('src/sub/a.txt').st_mode & 0o777))
    print(shutil.copy2('src/b.log', 'b2.log'), os.stat('src/b.log').st_mtime == os.stat('b2.log').st_mtime)
    print(shutil.copytree('src', 'dst', ignore=shutil.ignore_patterns('*.log', 'deep')))
    print(tree('dst'))
    shutil.copytree('src', 'dst', dirs_exist_ok=True)
    print(sorted(os.listdir('dst')))
    print(shutil.move('dst', 'moved'), os.path.exists('dst'), sorted(os.listdir('moved')))
    os.mkdir('target')
    print(shutil.move('a_copy.txt', 'target'), os.listdir('target'))
    print(shutil.move('b2.log', 'renamed.log'), os.path.exists('renamed.log'))
    shutil.rmtree('moved')
    print(os.path.exists('moved'), sorted(os.listdir('.')))
    for f in [lambda: shutil.copyfile('src/a.txt', 'src/a.txt'), lambda: shutil.copyfile('nope', 'x'),
              lambda: shutil.copytree('src', 'target'), lambda: shutil.rmtree('nope'),
              lambda: shutil.move('renamed.log', 'target') or shutil.move('target/renamed.log', 'target')]:
        try:
            f()
        except (OSError, shutil.Error) as e:
            print(type(e).__name__, e)
    errors = []
    shutil.rmtree('nope', onerror=lambda func, path, info: errors.append((func.__name__, path, info[0].__name__)))
    shutil.rmtree('nope', ignore_errors=True)
    print(errors)
    print(shutil.which('sh') is not None, shutil.which('no-such-program-xyz'), issubclass(shutil.SameFileError, shutil.Error))
    print(shutil.get_terminal_size((100, 30)) is not None)
finally:
    os.chdir(old)
    shutil.rmtree(top)
print(os.path.exists(top))
