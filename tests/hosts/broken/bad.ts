import * as Miou from "miou";

Miou.yield_();
