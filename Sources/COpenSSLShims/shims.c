#include "COpenSSLShims.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

unsigned long mcops_XN_FLAG_RFC2253(void) { return XN_FLAG_RFC2253; }
int mcops_MBSTRING_UTF8(void) { return MBSTRING_UTF8; }

int mcops_ERR_GET_REASON(unsigned long code) { return ERR_GET_REASON(code); }
int mcops_ERR_GET_LIB(unsigned long code) { return ERR_GET_LIB(code); }

void mcops_OPENSSL_free(void *pointer) { OPENSSL_free(pointer); }
long mcops_BIO_get_mem_data(BIO *bio, char **data) { return BIO_get_mem_data(bio, data); }

int mcops_SSL_CTX_set_min_proto_version(SSL_CTX *context, int version) {
    return (int)SSL_CTX_set_min_proto_version(context, version);
}
long mcops_SSL_CTX_set_mode(SSL_CTX *context, long mode) {
    return SSL_CTX_set_mode(context, mode);
}
int mcops_SSL_CTX_add1_chain_cert(SSL_CTX *context, X509 *certificate) {
    return (int)SSL_CTX_add1_chain_cert(context, certificate);
}
int mcops_SSL_set_tlsext_host_name(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}

STACK_OF(X509) *mcops_sk_X509_new_null(void) { return sk_X509_new_null(); }
int mcops_sk_X509_push(STACK_OF(X509) *stack, X509 *certificate) {
    return sk_X509_push(stack, certificate);
}
int mcops_sk_X509_num(const STACK_OF(X509) *stack) { return sk_X509_num(stack); }
X509 *mcops_sk_X509_value(const STACK_OF(X509) *stack, int index) {
    return sk_X509_value(stack, index);
}
void mcops_sk_X509_pop_free(STACK_OF(X509) *stack) { sk_X509_pop_free(stack, X509_free); }
void mcops_sk_X509_free(STACK_OF(X509) *stack) { sk_X509_free(stack); }

GENERAL_NAMES *mcops_sk_GENERAL_NAME_new_null(void) { return sk_GENERAL_NAME_new_null(); }
int mcops_sk_GENERAL_NAME_push(GENERAL_NAMES *stack, GENERAL_NAME *name) {
    return sk_GENERAL_NAME_push(stack, name);
}
int mcops_sk_GENERAL_NAME_num(const GENERAL_NAMES *stack) {
    return sk_GENERAL_NAME_num(stack);
}
GENERAL_NAME *mcops_sk_GENERAL_NAME_value(const GENERAL_NAMES *stack, int index) {
    return sk_GENERAL_NAME_value(stack, index);
}
void mcops_sk_GENERAL_NAME_pop_free(GENERAL_NAMES *stack) {
    sk_GENERAL_NAME_pop_free(stack, GENERAL_NAME_free);
}

// MARK: - A socket BIO without SIGPIPE

// The file descriptor is kept in the BIO's data pointer; the BIO never closes it, because
// the Swift connection that opened the socket also closes it.

static int nosigpipe_write(BIO *bio, const char *data, int length) {
    int fd = (int)(intptr_t)BIO_get_data(bio);
    BIO_clear_retry_flags(bio);
    ssize_t written = send(fd, data, (size_t)length, MSG_NOSIGNAL);
    if (written < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
            BIO_set_retry_write(bio);
        }
        return -1;
    }
    return (int)written;
}

static int nosigpipe_read(BIO *bio, char *data, int length) {
    int fd = (int)(intptr_t)BIO_get_data(bio);
    BIO_clear_retry_flags(bio);
    ssize_t received = recv(fd, data, (size_t)length, 0);
    if (received < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
            BIO_set_retry_read(bio);
        }
        return -1;
    }
    return (int)received;
}

static int nosigpipe_puts(BIO *bio, const char *text) {
    return nosigpipe_write(bio, text, (int)strlen(text));
}

static long nosigpipe_ctrl(BIO *bio, int command, long number, void *pointer) {
    (void)number;
    switch (command) {
    case BIO_CTRL_FLUSH:
    case BIO_CTRL_DUP:
        return 1;
    case BIO_C_GET_FD: {
        int fd = (int)(intptr_t)BIO_get_data(bio);
        if (pointer != NULL) {
            *(int *)pointer = fd;
        }
        return fd;
    }
    default:
        return 0;
    }
}

static int nosigpipe_create(BIO *bio) {
    BIO_set_data(bio, (void *)(intptr_t)-1);
    BIO_set_init(bio, 0);
    return 1;
}

static int nosigpipe_destroy(BIO *bio) {
    if (bio == NULL) {
        return 0;
    }
    BIO_set_data(bio, NULL);
    BIO_set_init(bio, 0);
    return 1;
}

// The method table is made once and lives as long as the process, as OpenSSL's own
// built-in methods do.
static CRYPTO_ONCE nosigpipe_once = CRYPTO_ONCE_STATIC_INIT;
static BIO_METHOD *nosigpipe_method = NULL;

static void nosigpipe_make_method(void) {
    int type = BIO_get_new_index() | BIO_TYPE_SOURCE_SINK | BIO_TYPE_DESCRIPTOR;
    BIO_METHOD *method = BIO_meth_new(type, "mcops socket (MSG_NOSIGNAL)");
    if (method == NULL) {
        return;
    }
    if (!BIO_meth_set_write(method, nosigpipe_write)
        || !BIO_meth_set_read(method, nosigpipe_read)
        || !BIO_meth_set_puts(method, nosigpipe_puts)
        || !BIO_meth_set_ctrl(method, nosigpipe_ctrl)
        || !BIO_meth_set_create(method, nosigpipe_create)
        || !BIO_meth_set_destroy(method, nosigpipe_destroy)) {
        BIO_meth_free(method);
        return;
    }
    nosigpipe_method = method;
}

BIO *mcops_BIO_new_nosigpipe_socket(int fd) {
    if (!CRYPTO_THREAD_run_once(&nosigpipe_once, nosigpipe_make_method)
        || nosigpipe_method == NULL) {
        return NULL;
    }
    BIO *bio = BIO_new(nosigpipe_method);
    if (bio == NULL) {
        return NULL;
    }
    BIO_set_data(bio, (void *)(intptr_t)fd);
    BIO_set_init(bio, 1);
    return bio;
}
