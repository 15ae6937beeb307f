package extract

import "dossier/extract/parse"

func init() { parseFunc = parse.Parse }
