# module-level functions configure the root logger: BASIC_FORMAT on stderr, WARNING by default
import logging
logging.debug('hidden')
logging.info('hidden too')
logging.warning('disk %d%% full', 91)
logging.error('cannot open %s', 'x.cfg')
logging.getLogger('net.http').critical('down')
print(logging.getLogger().handlers[0].__class__.__name__, logging.root.level)
