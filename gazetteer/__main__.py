import sys

from gazetteer.cli import main

sys.exit(main())
