// Not OpenSSL, but the same kind of gap: a glibc function whose declaration needs
// _GNU_SOURCE, which Swift's Glibc module is not built with.
#define _GNU_SOURCE
#include <spawn.h>

#include "COpenSSLShims.h"

int mcops_posix_spawn_file_actions_addclosefrom(posix_spawn_file_actions_t *actions,
                                                int lowest) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    return posix_spawn_file_actions_addclosefrom_np(actions, lowest);
#else
    (void)actions;
    (void)lowest;
    return 0;
#endif
}
