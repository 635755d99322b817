import sys

from geoutils.cli import main

sys.exit(main())
