# FileHandler writes to a file (in a temp dir); formatters with datefmt are deterministic here
import logging, os, tempfile, shutil
d = tempfile.mkdtemp()
path = os.path.join(d, 'app.log')
log = logging.getLogger('filelog')
log.setLevel(logging.DEBUG)
fh = logging.FileHandler(path, mode='w')
fh.setFormatter(logging.Formatter('%(name)s:%(levelname)s:%(message)s'))
log.addHandler(fh)
log.debug('one')
log.info('two %s', 'x')
log.propagate = False
fh.close()
log.removeHandler(fh)
with open(path) as f:
    print(f.read(), end='')
rec = logging.makeLogRecord({'msg': 'hello %s', 'args': ('world',), 'levelno': 20, 'levelname': 'INFO', 'created': 0.0, 'msecs': 0.0})
fmt = logging.Formatter('%(levelname)s %(message)s')
print(fmt.format(rec), rec.getMessage())
shutil.rmtree(d)
