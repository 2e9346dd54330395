# asctime/datefmt with a fixed record time, funcName/lineno with stacklevel, handler levels
import logging, sys, time
fmt = logging.Formatter('%(asctime)s %(levelname)-8s %(name)s: %(message)s')
fmt.converter = time.gmtime
rec = logging.makeLogRecord({'name': 'x', 'msg': 'm %d', 'args': (1,), 'levelno': 30, 'levelname': 'WARNING', 'created': 1709214310.25, 'msecs': 250.0})
print(fmt.format(rec))
fmt2 = logging.Formatter('[%(asctime)s] %(message)s', datefmt='%d/%m/%Y %H:%M')
fmt2.converter = time.gmtime
print(fmt2.format(rec), fmt2.formatTime(rec, '%Y'))
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter('%(funcName)s:%(lineno)d %(message)s'))
lg = logging.getLogger('deep'); lg.addHandler(h); lg.setLevel(1)
def helper(msg):
    lg.info(msg, stacklevel=2)
def caller():
    helper('from caller')
    lg.warning('direct')
caller()
lg.info('module level')
print(repr(h), repr(logging.getLogger('deep')), logging.getLogger('deep').getEffectiveLevel())
lg.info('%s and %s', 'a', 'b', extra={'k': 1})
print(logging.getLevelNamesMapping()['WARN'], logging.getHandlerByName('x'))
lg.handlers[0].setLevel(logging.ERROR); lg.warning('filtered by handler level'); lg.error('shown')
