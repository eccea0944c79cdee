/* echo_thread_server.c - one thread per client.
 * Build: cc -Wall -pthread -o echo_thread_server echo_thread_server.c
 * Run:   ./echo_thread_server 9090 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int send_all(int fd, const char *buf, size_t len)
{
    size_t off = 0;
    while (off < len) {
        ssize_t n = send(fd, buf + off, len - off, MSG_NOSIGNAL);
        if (n == -1) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        off += (size_t) n;
    }
    return 0;
}

static void *serve(void *arg)
{
    int connfd = (int) (intptr_t) arg;
    char buf[4096];
    for (;;) {
        ssize_t n = recv(connfd, buf, sizeof buf, 0);
        if (n == -1 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        if (send_all(connfd, buf, (size_t) n) == -1)
            break;
    }
    close(connfd);                 /* the thread owns this descriptor */
    return NULL;
}

int main(int argc, char *argv[])
{
    int port = argc > 1 ? atoi(argv[1]) : 9090;

    int listenfd = socket(AF_INET, SOCK_STREAM, 0);
    if (listenfd == -1) {
        perror("socket");
        exit(EXIT_FAILURE);
    }
    int yes = 1;
    if (setsockopt(listenfd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes) == -1) {
        perror("setsockopt");
        exit(EXIT_FAILURE);
    }
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(listenfd, (struct sockaddr *) &addr, sizeof addr) == -1) {
        perror("bind");
        exit(EXIT_FAILURE);
    }
    if (listen(listenfd, 16) == -1) {
        perror("listen");
        exit(EXIT_FAILURE);
    }

    for (;;) {
        int connfd = accept(listenfd, NULL, NULL);
        if (connfd == -1) {
            perror("accept");
            continue;
        }
        pthread_t worker;
        int rc = pthread_create(&worker, NULL, serve, (void *) (intptr_t) connfd);
        if (rc != 0) {
            fprintf(stderr, "pthread_create: %s\n", strerror(rc));
            close(connfd);
            continue;
        }
        pthread_detach(worker);
    }
}
