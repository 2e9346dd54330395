# -W error turns warnings into exceptions (uncaught: status 1).
-W error -c "import warnings; warnings.warn('boom')"
