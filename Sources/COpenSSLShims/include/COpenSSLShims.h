#ifndef MEMCACHEDOPS_COPENSSLSHIMS_H
#define MEMCACHEDOPS_COPENSSLSHIMS_H

// One-line wrappers for the OpenSSL 3 macros, inline functions and compound constants
// that Swift cannot import. Each wrapper does exactly what the macro it names does.

// OpenSSL 3 names only, as in COpenSSL's shim.h: deprecated functions are not declared.
#ifndef OPENSSL_API_COMPAT
#define OPENSSL_API_COMPAT 30000
#endif
#ifndef OPENSSL_NO_DEPRECATED
#define OPENSSL_NO_DEPRECATED
#endif

#include <spawn.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

// MARK: - Constants

/// `XN_FLAG_RFC2253`: print a distinguished name as RFC 2253 says.
unsigned long mcops_XN_FLAG_RFC2253(void);

/// `MBSTRING_UTF8`: the input of `X509_NAME_add_entry_by_txt` is UTF-8.
int mcops_MBSTRING_UTF8(void);

// MARK: - Errors

/// `ERR_GET_REASON`: the reason part of an error code.
int mcops_ERR_GET_REASON(unsigned long code);

/// `ERR_GET_LIB`: the library part of an error code.
int mcops_ERR_GET_LIB(unsigned long code);

// MARK: - Memory

/// `OPENSSL_free`.
void mcops_OPENSSL_free(void *pointer);

/// `BIO_get_mem_data`: the bytes a memory BIO holds; the BIO keeps owning them.
long mcops_BIO_get_mem_data(BIO *bio, char **data);

// MARK: - SSL

/// `SSL_CTX_set_min_proto_version`.
int mcops_SSL_CTX_set_min_proto_version(SSL_CTX *context, int version);

/// `SSL_CTX_set_mode`.
long mcops_SSL_CTX_set_mode(SSL_CTX *context, long mode);

/// `SSL_CTX_add1_chain_cert`: the context takes its own reference to `certificate`.
int mcops_SSL_CTX_add1_chain_cert(SSL_CTX *context, X509 *certificate);

/// `SSL_set_tlsext_host_name`: the server name sent in the handshake (SNI).
int mcops_SSL_set_tlsext_host_name(SSL *ssl, const char *name);

/// A socket BIO that writes with `send(..., MSG_NOSIGNAL)`, so that writing to a socket
/// the peer has closed gives an error instead of raising SIGPIPE. It does not close `fd`
/// when freed. Returns NULL on failure.
BIO *mcops_BIO_new_nosigpipe_socket(int fd);

// MARK: - Stacks of X509

STACK_OF(X509) *mcops_sk_X509_new_null(void);
/// Pushes `certificate` without taking a new reference.
int mcops_sk_X509_push(STACK_OF(X509) *stack, X509 *certificate);
int mcops_sk_X509_num(const STACK_OF(X509) *stack);
X509 *mcops_sk_X509_value(const STACK_OF(X509) *stack, int index);
/// Frees the stack and every certificate in it.
void mcops_sk_X509_pop_free(STACK_OF(X509) *stack);
/// Frees the stack but not the certificates in it.
void mcops_sk_X509_free(STACK_OF(X509) *stack);

// MARK: - Stacks of GENERAL_NAME

GENERAL_NAMES *mcops_sk_GENERAL_NAME_new_null(void);
/// Pushes `name`; the stack owns it afterwards.
int mcops_sk_GENERAL_NAME_push(GENERAL_NAMES *stack, GENERAL_NAME *name);
int mcops_sk_GENERAL_NAME_num(const GENERAL_NAMES *stack);
GENERAL_NAME *mcops_sk_GENERAL_NAME_value(const GENERAL_NAMES *stack, int index);
/// Frees the stack and every name in it.
void mcops_sk_GENERAL_NAME_pop_free(GENERAL_NAMES *stack);

// MARK: - Processes

/// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34 and later): the child closes
/// every descriptor from `lowest` up. Does nothing where the C library lacks it.
int mcops_posix_spawn_file_actions_addclosefrom(posix_spawn_file_actions_t *actions,
                                                int lowest);

#endif
