print("_cyc_c start")
import _cyc_d
value = "C"
