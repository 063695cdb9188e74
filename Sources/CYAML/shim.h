#ifndef MEMCACHEDOPS_CYAML_SHIM_H
#define MEMCACHEDOPS_CYAML_SHIM_H
#include <yaml.h>
#endif
