# -W action:message:category:module:lineno; later options take precedence; sys.warnoptions keeps them in order.
-W ignore::UserWarning -W error:boo -c "import sys, warnings; print(sys.warnoptions); warnings.warn('quiet'); warnings.warn('boom')"
