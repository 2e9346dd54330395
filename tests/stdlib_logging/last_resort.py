# without configuration, a logger's WARNING+ records go to the lastResort handler: bare message on stderr
import logging
log = logging.getLogger('quiet')
log.info('not shown')
log.warning('shown by lastResort')
log.error('error %s', 'too')
print(logging.lastResort.level, logging.getLogger().handlers)
