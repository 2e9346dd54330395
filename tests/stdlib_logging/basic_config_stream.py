# basicConfig(stream=..., level=..., format=..., force=True) and exception logging
import logging, io, sys
stream = io.StringIO()
logging.basicConfig(stream=stream, level=logging.INFO, format='%(levelname)s|%(name)s|%(message)s')
logging.info('to stream')
logging.debug('hidden')
logging.basicConfig(stream=sys.stdout)  # ignored: root already has a handler
logging.warning('still to stream')
print(repr(stream.getvalue()))
logging.basicConfig(stream=sys.stdout, format='%(levelname)-8s %(message)s', force=True)
logging.warning('now on stdout')
try:
    {}['missing']
except KeyError:
    logging.exception('lookup failed')
log = logging.getLogger('calc')
try:
    1 / 0
except ZeroDivisionError as e:
    log.error('math: %s', e, exc_info=True)
for kw in [dict(stream=sys.stdout, filename='x.log', force=True), dict(bogus=1, force=True)]:
    try:
        logging.basicConfig(**kw)
    except ValueError as e:
        print('ValueError', e)
