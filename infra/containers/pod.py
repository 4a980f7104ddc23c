#!/usr/bin/env python3
"""Translates one Deployment of the rendered Kubernetes manifests into the arguments of `podman run`,
so a container started here gets exactly what its pod gets in the cluster:

- its environment: `envFrom` ConfigMaps and Secrets, then `env` (values, secretKeyRef,
  configMapKeyRef), in Kubernetes' order of precedence;
- its volumes: each Secret volume written to files under --files and mounted read-only where the
  pod mounts it, each emptyDir a tmpfs of its sizeLimit;
- its security context: user and group, read-only root filesystem, no capabilities, no privilege
  escalation; and its memory and CPU limits.

One thing differs, because every container here shares the host's network (one port space, where
each pod has its own): each container listens on the local port --port gives its Deployment, and
each Service name resolves to 127.0.0.1 (--add-host). So PORT becomes the local port, and a URL
that names a Service in front of a Deployment (http://auth-service) gets that Deployment's local
port (http://auth-service:8081). Services of what the machine itself provides (PostgreSQL, NATS)
keep their ports, which are the machine's.

Usage: pod.py <rendered.yaml> <deployment> --files DIR --port NAME=PORT [--port ...] [--env-names]
Prints the arguments NUL-separated (before the image name); with --env-names, the names of the
environment variables the pod gets, one per line.
"""

import argparse
import base64
import os
import re
import sys

import yaml

DEFAULT_PORTS = {"http": 80, "https": 443}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("manifests")
    parser.add_argument("deployment")
    parser.add_argument("--files", required=True)
    parser.add_argument("--port", action="append", default=[], type=lambda s: s.split("=", 1))
    parser.add_argument("--env-names", action="store_true")
    options = parser.parse_args()

    with open(options.manifests) as f:
        documents = [d for d in yaml.safe_load_all(f) if d]
    by_kind = {}
    for d in documents:
        by_kind.setdefault(d["kind"], {})[d["metadata"]["name"]] = d
    local_ports = {name: int(port) for name, port in options.port}
    if options.deployment not in by_kind.get("Deployment", {}):
        sys.exit(f"pod.py: no Deployment {options.deployment} in {options.manifests}")
    deployment = by_kind["Deployment"][options.deployment]
    pod = deployment["spec"]["template"]["spec"]
    [container] = [c for c in pod["containers"] if c["name"] == "app"] or pod["containers"][:1]

    env = environment(container, by_kind)
    if options.env_names:
        print("\n".join(env))
        return
    services = service_ports(by_kind, local_ports)
    env = {name: localize(name, value, services, local_ports[options.deployment]) for name, value in env.items()}

    args = ["--network=host"]
    args += [f"--add-host={name}:127.0.0.1" for name in sorted(by_kind.get("Service", {}))]
    for name, value in env.items():
        args += ["--env", f"{name}={value}"]
    args += volumes(pod, container, by_kind, options.files)
    args += security(pod, container)
    args += limits(container)
    sys.stdout.write("".join(a + "\0" for a in args))


def environment(container, by_kind):
    env = {}
    for source in container.get("envFrom", []):
        if "configMapRef" in source:
            env.update(config_map(by_kind, source["configMapRef"]["name"]))
        elif "secretRef" in source:
            env.update(secret(by_kind, source["secretRef"]["name"]))
    for variable in container.get("env", []):
        if "value" in variable:
            env[variable["name"]] = str(variable["value"])
            continue
        reference = variable.get("valueFrom", {})
        if "secretKeyRef" in reference:
            ref = reference["secretKeyRef"]
            env[variable["name"]] = secret(by_kind, ref["name"])[ref["key"]]
        elif "configMapKeyRef" in reference:
            ref = reference["configMapKeyRef"]
            env[variable["name"]] = config_map(by_kind, ref["name"])[ref["key"]]
        else:
            sys.exit(f"pod.py: {variable['name']} comes from {list(reference)}, which has no meaning outside a cluster")
    return env


def config_map(by_kind, name):
    return {k: str(v) for k, v in by_kind["ConfigMap"][name].get("data", {}).items()}


def secret(by_kind, name):
    document = by_kind["Secret"][name]
    values = {k: base64.b64decode(v).decode() for k, v in document.get("data", {}).items()}
    values.update(document.get("stringData", {}))
    return values


def service_ports(by_kind, local_ports):
    """Service name -> {service port: local port} for the Services in front of a Deployment here."""
    deployments = {
        name: d["spec"]["selector"]["matchLabels"] for name, d in by_kind.get("Deployment", {}).items()
    }
    ports = {}
    for name, service in by_kind.get("Service", {}).items():
        selector = service["spec"].get("selector", {})
        for deployment, labels in deployments.items():
            if selector and all(labels.get(k) == v for k, v in selector.items()) and deployment in local_ports:
                ports[name] = {p["port"]: local_ports[deployment] for p in service["spec"]["ports"]}
    return ports


def localize(name, value, services, own_port):
    if name == "PORT":
        return str(own_port)

    def replace(match):
        scheme, host, port = match.group(1), match.group(2), match.group(3)
        port = int(port) if port else DEFAULT_PORTS[scheme]
        if host in services and port in services[host]:
            return f"{scheme}://{host}:{services[host][port]}"
        return match.group(0)

    return re.sub(r"\b(https?)://([a-z0-9-]+)(?::(\d+))?(?=/|$)", replace, value)


def volumes(pod, container, by_kind, files):
    sources = {v["name"]: v for v in pod.get("volumes", [])}
    args = []
    for mount in container.get("volumeMounts", []):
        volume = sources[mount["name"]]
        if "emptyDir" in volume:
            size = volume["emptyDir"].get("sizeLimit")
            options = "rw,mode=1777" + (f",size={size.replace('Mi', 'm').replace('Gi', 'g')}" if size else "")
            args.append(f"--tmpfs={mount['mountPath']}:{options}")
        elif "secret" in volume:
            values = secret(by_kind, volume["secret"]["secretName"])
            directory = os.path.join(files, mount["name"])
            os.makedirs(directory, exist_ok=True)
            items = volume["secret"].get("items") or [{"key": k, "path": k} for k in values]
            for item in items:
                path = os.path.join(directory, item["path"])
                with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), "w") as f:
                    f.write(values[item["key"]])
            args.append(f"--volume={directory}:{mount['mountPath']}:ro")
        else:
            sys.exit(f"pod.py: volume {mount['name']} is {list(volume)}, which has no meaning here")
    return args


def security(pod, container):
    context = {**pod.get("securityContext", {}), **container.get("securityContext", {})}
    args = []
    if "runAsUser" in context:
        args.append(f"--user={context['runAsUser']}:{context.get('runAsGroup', context['runAsUser'])}")
    if context.get("readOnlyRootFilesystem"):
        # Only what the pod mounts is writable: no tmpfs of podman's own on /tmp, /run, /var/tmp.
        args += ["--read-only", "--read-only-tmpfs=false"]
    if "ALL" in context.get("capabilities", {}).get("drop", []):
        args.append("--cap-drop=ALL")
    if context.get("allowPrivilegeEscalation") is False:
        args.append("--security-opt=no-new-privileges")
    return args


def limits(container):
    limit = container.get("resources", {}).get("limits", {})
    args = []
    if "memory" in limit:
        args.append("--memory=" + limit["memory"].replace("Mi", "m").replace("Gi", "g"))
    if "cpu" in limit:
        cpu = str(limit["cpu"])
        args.append("--cpus=" + (str(int(cpu[:-1]) / 1000) if cpu.endswith("m") else cpu))
    return args


if __name__ == "__main__":
    main()
