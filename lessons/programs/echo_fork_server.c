/* echo_fork_server.c - one process per client: the parent accepts, a forked child serves.
 * Build: cc -Wall -o echo_fork_server echo_fork_server.c
 * Run:   ./echo_fork_server 9090 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
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

static void serve(int connfd)
{
    char buf[4096];
    for (;;) {
        ssize_t n = recv(connfd, buf, sizeof buf, 0);
        if (n == -1 && errno == EINTR)
            continue;
        if (n <= 0)                /* error or the client closed its side */
            return;
        if (send_all(connfd, buf, (size_t) n) == -1)
            return;
    }
}

int main(int argc, char *argv[])
{
    int port = argc > 1 ? atoi(argv[1]) : 9090;
    signal(SIGCHLD, SIG_IGN);      /* finished children are reaped by the kernel: no zombies */

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
        pid_t child = fork();
        if (child == -1) {
            perror("fork");
            close(connfd);
            continue;
        }
        if (child == 0) {          /* the child: serve this client, then end */
            close(listenfd);
            serve(connfd);
            close(connfd);
            _exit(0);
        }
        close(connfd);             /* the parent: the child has its own copy */
    }
}
